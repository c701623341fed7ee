namespace Rosetta.Detection.Fields;

/// <summary>The standard names a rule set reads, each with an ordinal: an event's values are read into these slots only.</summary>
public sealed class NameTable
{
    private readonly Dictionary<string, int> _ordinals = new(StringComparer.Ordinal);
    private readonly List<string> _names = [];

    /// <summary>The names, by ordinal.</summary>
    public IReadOnlyList<string> Names => _names;

    /// <summary>The ordinal of <paramref name="name"/>, added if new.</summary>
    public int Add(string name)
    {
        if (!_ordinals.TryGetValue(name, out var ordinal))
        {
            ordinal = _names.Count;
            _ordinals[name] = ordinal;
            _names.Add(name);
        }

        return ordinal;
    }

    /// <summary>The ordinal of <paramref name="name"/>, or -1.</summary>
    public int OrdinalOf(string name) => _ordinals.GetValueOrDefault(name, -1);
}
