namespace Rosetta.Storage.Hunting;

/// <summary>Where a hunt's rows go, one result set at a time (a query of several statements gives several).</summary>
public interface IResultWriter
{
    /// <summary>A result set starts, with its column names.</summary>
    void Start(IReadOnlyList<string> columns);

    /// <summary>One row: each value null, a <see cref="long"/>, a <see cref="double"/>, a <see cref="string"/> or a byte array.</summary>
    void Row(IReadOnlyList<object?> values);

    /// <summary>The result set is over.</summary>
    void Finish();
}
