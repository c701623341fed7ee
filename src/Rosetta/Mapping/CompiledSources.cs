using System.Text;
using Rosetta.Mapping.Semantics;

namespace Rosetta.Mapping;

/// <summary>
/// Every runnable plan bound to one path trie and one slot numbering, so that one pass over a record fills the
/// values any plan may need; built once, shared by every thread.
/// </summary>
internal sealed class CompiledSources
{
    private CompiledSources(PathNode root, int nodeCount, int slotCount, CompiledPlan[] plans, RecordLayout layout)
    {
        Root = root;
        NodeCount = nodeCount;
        SlotCount = slotCount;
        Plans = plans;
        Layout = layout;
        Semantics = new NetworkSemantics(layout);
        Processes = new ProcessSemantics(layout);
    }

    /// <summary>The process derivations, bound to <see cref="Layout"/>.</summary>
    public ProcessSemantics Processes { get; }

    /// <summary>Every standard name the plans and the engine write, by ordinal.</summary>
    public RecordLayout Layout { get; }

    /// <summary>The network derivations, bound to <see cref="Layout"/>.</summary>
    public NetworkSemantics Semantics { get; }

    public PathNode Root { get; }

    /// <summary>How many nodes the trie under <see cref="Root"/> has (their <see cref="PathNode.Id"/>s).</summary>
    public int NodeCount { get; }

    public int SlotCount { get; }

    public CompiledPlan[] Plans { get; }

    public static CompiledSources Build(IReadOnlyList<MappingPlan> plans)
    {
        var root = new PathNode();
        var count = 0;
        int SlotOf(string path)
        {
            var node = root;
            foreach (var part in path.Split('.'))
            {
                node = node.GetOrAdd(part);
            }

            if (node.Slot < 0)
            {
                node.Slot = count++;
            }

            return node.Slot;
        }

        var layout = LayOut(plans);
        var compiled = plans.Select(plan => new CompiledPlan(
            plan,
            [.. plan.Fields.Select(f => new CompiledField(f, [.. f.Paths.Select(SlotOf)], layout.OrdinalOf(f.StandardName)))],
            [.. plan.Recognize.Present.Select(SlotOf)],
            [.. plan.Recognize.Absent.Select(SlotOf)],
            [.. plan.Recognize.Equal.Select(kv => (SlotOf(kv.Key), kv.Value.Value.Select(Encoding.UTF8.GetBytes).ToArray()))],
            plan.Overlay.Orientation is { } orientation ? new CompiledOrientation(orientation, SlotOf) : null,
            layout)).ToArray();
        var nodeCount = root.Freeze();
        return new CompiledSources(root, nodeCount, count, compiled, layout);
    }

    /// <summary>
    /// Every standard name a plan's records can carry: its fields and constants; for a network source the names the
    /// engine derives and the other side of every src_/dst_ name (orienting a record swaps them); the names derived
    /// from a process path or a hash list.
    /// </summary>
    public static IReadOnlyList<string> NamesOf(MappingPlan plan)
    {
        var names = plan.Fields.Select(f => f.StandardName).Concat(plan.Constants.Keys).Distinct(StringComparer.Ordinal).ToList();
        if (NetworkSemantics.Applies(plan))
        {
            names.AddRange(NetworkSemantics.DerivedNames);
        }

        if (names.Contains("process_path"))
        {
            names.AddRange(ProcessSemantics.NamesFromPaths);
        }

        if (names.Contains("process_hashes"))
        {
            names.AddRange(ProcessSemantics.NamesFromHashes);
        }

        if (NetworkSemantics.Applies(plan))
        {
            AddOtherSides(names);
        }

        return [.. names.Distinct(StringComparer.Ordinal)];
    }

    /// <summary>
    /// The plans' standard names in the catalog's order (event first, then addresses, protocol, process, user),
    /// whatever the order of the sources; names the catalog lacks after, in plan order; then the other side of every
    /// src_/dst_ name, so that orienting a record can swap them.
    /// </summary>
    private static RecordLayout LayOut(IReadOnlyList<MappingPlan> plans)
    {
        var names = plans.SelectMany(NamesOf).Distinct(StringComparer.Ordinal).ToList();
        var order = plans.Count > 0 ? plans[0].Names.Names.Select((n, i) => (n.Name, i)).ToDictionary(p => p.Name, p => p.i) : [];
        names = [.. names.Select((n, i) => (n, i)).OrderBy(p => order.GetValueOrDefault(p.n, order.Count + p.i)).Select(p => p.n)];

        AddOtherSides(names);
        return new RecordLayout(names);
    }

    /// <summary>Adds the other side of every src_/dst_ name, so that orienting a record can swap them.</summary>
    private static void AddOtherSides(List<string> names)
    {
        names.AddRange(names.Where(n => n.StartsWith("src_", StringComparison.Ordinal)).Select(n => "dst_" + n[4..]).ToList());
        names.AddRange(names.Where(n => n.StartsWith("dst_", StringComparison.Ordinal)).Select(n => "src_" + n[4..]).ToList());
    }

    /// <summary>The plan that recognizes the record: -1 when none does, -2 when two equally specific ones do.</summary>
    public int Route(SlotTable slots, ReadOnlySpan<byte> data, string? table)
    {
        var best = -1;
        var tie = false;
        for (var i = 0; i < Plans.Length; i++)
        {
            if (!Plans[i].Matches(slots, data, table))
            {
                continue;
            }

            if (best < 0 || Plans[i].Specificity > Plans[best].Specificity)
            {
                best = i;
                tie = false;
            }
            else if (Plans[i].Specificity == Plans[best].Specificity)
            {
                tie = true;
            }
        }

        return tie ? -2 : best;
    }
}
