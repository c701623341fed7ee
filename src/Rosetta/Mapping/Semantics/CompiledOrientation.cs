using System.Text;
using Rosetta.Dictionaries.Overlays;
using Rosetta.Json;
using Rosetta.Schema;

namespace Rosetta.Mapping.Semantics;

/// <summary>An overlay's <see cref="Orientation"/> bound to slots, with its vendor values as UTF-8: decides per record.</summary>
internal sealed class CompiledOrientation
{
    private readonly (byte[] Value, OrientationCase Case)[] _cases;
    private readonly (byte[] Value, NetworkDirection Direction)[] _details;
    private readonly byte[] _member;
    private const int KeyLimit = 256;
    private readonly IReadOnlyList<string> _by;

    public CompiledOrientation(Orientation orientation, Func<string, int> slotOf)
    {
        SourceIsLocal = orientation.SourceIsLocal;
        _by = orientation.By;
        BySlots = [.. orientation.By.Select(slotOf)];
        _cases = [.. orientation.Cases.Select(kv => (Encoding.UTF8.GetBytes(kv.Key), kv.Value))];
        DetailsSlot = orientation.Details is { } details ? slotOf(details.Field) : -1;
        _member = Encoding.UTF8.GetBytes(orientation.Details?.Member ?? "");
        _details = [.. (orientation.Details?.Values ?? new Dictionary<string, NetworkDirection>()).Select(kv => (Encoding.UTF8.GetBytes(kv.Key), kv.Value))];
    }

    /// <summary>The dictionary maps the reporting host's side to src_*.</summary>
    public bool SourceIsLocal { get; }

    /// <summary>The fields whose values, joined with commas, name the case (<c>local_orig,local_resp</c> -> <c>true,false</c>).</summary>
    public int[] BySlots { get; }

    public int DetailsSlot { get; }

    /// <summary>Decides one record; <paramref name="scratch"/> is the calling thread's.</summary>
    public OrientationResult Decide(SlotTable slots, ReadOnlySpan<byte> data, Scratch scratch)
    {
        Span<byte> key = stackalloc byte[KeyLimit];
        var length = 0;
        for (var i = 0; i < BySlots.Length; i++)
        {
            if (!slots.HasValue(BySlots[i]))
            {
                return new OrientationResult(NetworkDirection.Unknown, false, $"direction unknown: the event has no {_by[i]}");
            }

            var part = Unescaped(slots, BySlots[i], data, scratch);
            if (length + part.Length + 1 > KeyLimit)
            {
                return new OrientationResult(NetworkDirection.Unknown, false, $"direction unknown: {_by[i]} is too long to be a case");
            }

            if (i > 0)
            {
                key[length++] = (byte)',';
            }

            part.CopyTo(key[length..]);
            length += part.Length;
        }

        var value = key[..length];
        foreach (var (known, row) in _cases)
        {
            if (value.SequenceEqual(known))
            {
                foreach (var slot in BySlots)
                {
                    slots.Consume(slot); // network_direction carries it now
                }

                var direction = row.FromDetails ? FromDetails(slots, data, scratch) : row.Direction;
                return new OrientationResult(direction, row.Swap ?? SwapsFor(direction), null);
            }
        }

        return new OrientationResult(NetworkDirection.Unknown, false,
            $"direction unknown: {string.Join(",", _by)} '{Encoding.UTF8.GetString(value)}' has no orientation case; src and dst kept as the dictionary maps them");
    }

    private bool SwapsFor(NetworkDirection direction) =>
        SourceIsLocal && direction is NetworkDirection.Inbound or NetworkDirection.Listening;

    private NetworkDirection FromDetails(SlotTable slots, ReadOnlySpan<byte> data, Scratch scratch)
    {
        if (!slots.HasValue(DetailsSlot))
        {
            return NetworkDirection.Unknown;
        }

        var json = slots.Kind(DetailsSlot) == SlotKind.String ? Unescaped(slots, DetailsSlot, data, scratch) : Raw(slots, DetailsSlot, data);
        Span<byte> member = stackalloc byte[64];
        if (!JsonMember.TryGetString(json, _member, member, out var length))
        {
            return NetworkDirection.Unknown;
        }

        foreach (var (known, direction) in _details)
        {
            if (member[..length].SequenceEqual(known))
            {
                return direction;
            }
        }

        return NetworkDirection.Unknown;
    }

    private static ReadOnlySpan<byte> Raw(SlotTable slots, int slot, ReadOnlySpan<byte> data) => slots.Value(slot, data);

    /// <summary>A string slot's text without JSON escapes (AdditionalFields is JSON inside a JSON string).</summary>
    private static ReadOnlySpan<byte> Unescaped(SlotTable slots, int slot, ReadOnlySpan<byte> data, Scratch scratch)
    {
        var raw = Raw(slots, slot, data);
        var escaped = slots.Kind(slot) == SlotKind.String && slots.Escaped(slot);
        return JsonSlotScanner.Name(data, raw, escaped, slots.Start(slot) - 1, escaped ? scratch.Take(raw.Length) : []);
    }
}
