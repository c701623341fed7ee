using System.Data.Common;

namespace Rosetta.Storage.Sqlite.Hunting;

/// <summary>Where a hunt's rows go, one result set at a time (a query of several statements gives several).</summary>
public interface IResultWriter
{
    /// <summary>A result set starts, with its column names.</summary>
    void Start(IReadOnlyList<string> columns);

    /// <summary>One row; read its values from <paramref name="row"/>.</summary>
    void Row(DbDataReader row);

    /// <summary>The result set is over.</summary>
    void Finish();
}
