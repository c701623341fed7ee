using System.Text;
using Rosetta.Json;

namespace Rosetta.Mapping;

/// <summary>A table header (CSV) bound to slots: which column feeds which vendor path, and each column's output name.</summary>
internal sealed class ColumnLayout
{
    public ColumnLayout(IReadOnlyList<string> header, PathNode root)
    {
        Slots = new int[header.Count];
        Names = new byte[header.Count][];
        for (var i = 0; i < header.Count; i++)
        {
            Slots[i] = root.Find(Encoding.UTF8.GetBytes(header[i]))?.Slot ?? -1;
            Names[i] = Encoding.UTF8.GetBytes(EngineJson.Quote(header[i]) + ":");
        }
    }

    /// <summary>The slot each column fills, or -1.</summary>
    public int[] Slots { get; }

    /// <summary>Each column's <c>"name":</c> for the vendor leftovers.</summary>
    public byte[][] Names { get; }
}
