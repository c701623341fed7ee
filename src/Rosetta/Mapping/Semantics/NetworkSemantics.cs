using Rosetta.Mapping.Converters;
using Rosetta.Schema;

namespace Rosetta.Mapping.Semantics;

/// <summary>
/// What the engine computes once for every network record, whatever its source: sides oriented so that src is
/// the initiator, <c>network_direction</c> and <c>network_initiated</c>, the side of the reporting process, the
/// kinds of addresses, the protocol's IANA number and IP version, and the flow's Community ID. Bound to one
/// <see cref="RecordLayout"/>; stateless per record, shared by every thread.
/// </summary>
internal sealed class NetworkSemantics
{
    /// <summary>The standard names the engine writes itself.</summary>
    public static readonly string[] DerivedNames =
    [
        "network_direction", "network_initiated", "process_side", "network_protocol_number", "network_ip_version",
        "network_community_id", "src_ip_type", "dst_ip_type",
    ];

    /// <summary>A plan's records are connections when its overlay orients them or it maps an address or a direction.</summary>
    public static bool Applies(MappingPlan plan) =>
        plan.Overlay.Orientation is not null
        || plan.Fields.Select(f => f.StandardName).Concat(plan.Constants.Keys).Any(n => n is "src_ip" or "dst_ip" or "network_direction");

    private readonly (int Source, int Destination)[] _sides;
    private readonly int _srcIp;
    private readonly int _dstIp;
    private readonly int _srcPort;
    private readonly int _dstPort;
    private readonly int _protocol;
    private readonly int _protocolNumber;
    private readonly int _srcIpType;
    private readonly int _dstIpType;
    private readonly int _direction;
    private readonly int _initiated;
    private readonly int _processSide;
    private readonly int _communityId;
    private readonly int _ipVersion;

    public NetworkSemantics(RecordLayout layout)
    {
        _sides = [.. layout.Names.Where(n => n.StartsWith("src_", StringComparison.Ordinal))
            .Select(n => (layout.OrdinalOf(n), layout.OrdinalOf("dst_" + n[4..])))
            .Where(pair => pair.Item2 >= 0)];
        _srcIp = layout.OrdinalOf("src_ip");
        _dstIp = layout.OrdinalOf("dst_ip");
        _srcPort = layout.OrdinalOf("src_port");
        _dstPort = layout.OrdinalOf("dst_port");
        _protocol = layout.OrdinalOf("network_protocol");
        _protocolNumber = layout.OrdinalOf("network_protocol_number");
        _srcIpType = layout.OrdinalOf("src_ip_type");
        _dstIpType = layout.OrdinalOf("dst_ip_type");
        _direction = layout.OrdinalOf("network_direction");
        _initiated = layout.OrdinalOf("network_initiated");
        _processSide = layout.OrdinalOf("process_side");
        _communityId = layout.OrdinalOf("network_community_id");
        _ipVersion = layout.OrdinalOf("network_ip_version");
    }

    /// <summary>
    /// Orients and enriches the mapped values of one record of <paramref name="plan"/>. Returns why the direction
    /// is unknown when the overlay has no answer for the record (the record is kept, as the dictionary maps it).
    /// </summary>
    public string? Apply(CompiledPlan plan, FieldValues values, SlotTable slots, ReadOnlySpan<byte> data, Scratch scratch)
    {
        if (!plan.IsNetwork)
        {
            return null;
        }

        var direction = NetworkDirection.Unknown;
        var swapped = false;
        string? problem = null;
        if (plan.Orientation is { } orientation)
        {
            var decided = orientation.Decide(slots, data, scratch);
            direction = decided.Direction;
            problem = decided.Problem;
            swapped = decided.Swap;
            if (swapped)
            {
                foreach (var (sourceSide, destinationSide) in _sides)
                {
                    values.Swap(sourceSide, destinationSide);
                }
            }
        }
        else if (values.Has(_direction))
        {
            _ = NetworkDirections.TryParse(values.Text(_direction), out direction);
        }

        Span<byte> source = stackalloc byte[16];
        Span<byte> destination = stackalloc byte[16];
        var sourceLength = values.Has(_srcIp) ? IpBytes.Parse(values.Text(_srcIp), source) : 0;
        var destinationLength = values.Has(_dstIp) ? IpBytes.Parse(values.Text(_dstIp), destination) : 0;
        source = source[..sourceLength];
        destination = destination[..destinationLength];
        ClassifyAddresses(values, source, destination);
        WriteDirection(plan, values, direction, swapped, source, destination);
        WriteProtocolAndFlow(values, direction, source, destination);
        return problem;
    }

    private void ClassifyAddresses(FieldValues values, ReadOnlySpan<byte> source, ReadOnlySpan<byte> destination)
    {
        if (!source.IsEmpty && !values.Has(_srcIpType))
        {
            values.SetString(_srcIpType, IpClassifier.Classify(source));
        }

        if (!destination.IsEmpty && !values.Has(_dstIpType))
        {
            values.SetString(_dstIpType, IpClassifier.Classify(destination));
        }

        var either = source.IsEmpty ? destination : source;
        if (!either.IsEmpty)
        {
            values.SetString(_ipVersion, either.Length == 4 ? "ipv4"u8 : "ipv6"u8);
        }
    }

    private void WriteDirection(CompiledPlan plan, FieldValues values, NetworkDirection direction, bool swapped, ReadOnlySpan<byte> source, ReadOnlySpan<byte> destination)
    {
        var shown = direction;
        if (!source.IsEmpty && !destination.IsEmpty && direction != NetworkDirection.Listening
            && (source.SequenceEqual(destination) || (IsLoopback(source) && IsLoopback(destination))))
        {
            shown = NetworkDirection.Local;
        }

        values.SetString(_direction, NetworkDirections.Utf8Name(shown));
        if (direction is NetworkDirection.Outbound or NetworkDirection.Inbound or NetworkDirection.Listening)
        {
            values.SetBoolean(_initiated, direction == NetworkDirection.Outbound);
        }

        if (!plan.HasProcess)
        {
            return;
        }

        // The reporting process is on the reporting host. A dictionary that maps that host to src_* keeps it there
        // unless the record was swapped; one that maps the initiator to src_* puts it at dst_* when it accepted.
        var side = plan.Orientation?.SourceIsLocal == true
            ? (swapped ? "dst"u8 : "src"u8)
            : direction switch
            {
                NetworkDirection.Outbound => "src"u8,
                NetworkDirection.Inbound or NetworkDirection.Listening => "dst"u8,
                _ => [],
            };
        if (!side.IsEmpty)
        {
            values.SetString(_processSide, side);
        }
    }

    private void WriteProtocolAndFlow(FieldValues values, NetworkDirection direction, ReadOnlySpan<byte> source, ReadOnlySpan<byte> destination)
    {
        var protocol = values.Has(_protocol) ? Protocols.NumberOf(values.Text(_protocol)) : -1;
        if (protocol < 0)
        {
            return;
        }

        values.SetNumber(_protocolNumber, protocol);
        if (values.Has(_communityId) || source.IsEmpty || source.Length != destination.Length || direction == NetworkDirection.Listening)
        {
            return;
        }

        Span<byte> id = stackalloc byte[CommunityId.Length];
        if (CommunityId.TryWrite(source, destination, protocol, Port(values, _srcPort), Port(values, _dstPort), id))
        {
            values.SetString(_communityId, id);
        }
    }

    private static int Port(FieldValues values, int ordinal) =>
        values.Has(ordinal) && Numbers.TryInteger(values.Json(ordinal), out var port) && port is >= 0 and <= 65535 ? (int)port : -1;

    private static bool IsLoopback(ReadOnlySpan<byte> address) => IpClassifier.Classify(address).SequenceEqual("Loopback"u8);
}
