using Rosetta.Storage.Hunting;

namespace Rosetta.Tests.Storage;

/// <summary>A hunt's rows kept in memory, each a dictionary of column to value (null for NULL).</summary>
internal sealed class CollectingWriter : IResultWriter
{
    private string[] _columns = [];

    public List<Dictionary<string, object?>> Rows { get; } = [];

    public IReadOnlyList<string> Columns => _columns;

    public void Start(IReadOnlyList<string> columns) => _columns = [.. columns];

    public void Row(IReadOnlyList<object?> values) =>
        Rows.Add(_columns.Select((c, i) => (c, v: values[i] is DBNull ? null : values[i])).ToDictionary(x => x.c, x => x.v));

    public void Finish()
    {
    }
}
