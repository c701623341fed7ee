namespace Rosetta.Mapping;

/// <summary>
/// Every standard name a run can produce, each with an ordinal: the plans' names in plan order, then the names
/// the engine derives. A record's values are slots by ordinal; output profiles bind to the same ordinals.
/// </summary>
public sealed class RecordLayout
{
    private readonly Dictionary<string, int> _ordinals;

    /// <summary>Lays out <paramref name="names"/> in order, each once.</summary>
    public RecordLayout(IEnumerable<string> names)
    {
        _ordinals = new Dictionary<string, int>(StringComparer.Ordinal);
        var list = new List<string>();
        foreach (var name in names)
        {
            if (_ordinals.TryAdd(name, list.Count))
            {
                list.Add(name);
            }
        }

        Names = list;
    }

    /// <summary>The standard names, by ordinal.</summary>
    public IReadOnlyList<string> Names { get; }

    /// <summary>The ordinal of a standard name, or -1.</summary>
    public int OrdinalOf(string name) => _ordinals.GetValueOrDefault(name, -1);
}
