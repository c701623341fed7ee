namespace Rosetta.Mapping;

/// <summary>
/// Every runnable plan bound to one path trie and one slot numbering, so that one pass over a record fills the
/// values any plan may need; built once, shared by every thread.
/// </summary>
internal sealed class CompiledSources
{
    private CompiledSources(PathNode root, int slotCount, CompiledPlan[] plans)
    {
        Root = root;
        SlotCount = slotCount;
        Plans = plans;
    }

    public PathNode Root { get; }

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

        var compiled = plans.Select(plan => new CompiledPlan(
            plan,
            [.. plan.Fields.Select(f => new CompiledField(f, [.. f.Paths.Select(SlotOf)]))],
            [.. plan.Recognize.Present.Select(SlotOf)],
            [.. plan.Recognize.Absent.Select(SlotOf)])).ToArray();
        root.Freeze();
        return new CompiledSources(root, count, compiled);
    }

    /// <summary>The plan that recognizes the record: -1 when none does, -2 when two equally specific ones do.</summary>
    public int Route(SlotTable slots, string? table)
    {
        var best = -1;
        var tie = false;
        for (var i = 0; i < Plans.Length; i++)
        {
            if (!Plans[i].Matches(slots, table))
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
