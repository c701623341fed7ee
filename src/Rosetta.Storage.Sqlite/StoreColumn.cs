using Rosetta.Schema;

namespace Rosetta.Storage.Sqlite;

/// <summary>A column of the <c>events</c> table: a standard name and how its JSON value is stored.</summary>
/// <param name="Name">The standard name, which is the column's name.</param>
/// <param name="Type">The standard name's type.</param>
internal sealed record StoreColumn(string Name, FieldType Type)
{
    /// <summary>The column's declared SQLite type: whole numbers and booleans INTEGER, floats REAL, the rest TEXT.</summary>
    public string SqlType => Type switch
    {
        FieldType.Integer or FieldType.Port or FieldType.Boolean => "INTEGER",
        FieldType.Float => "REAL",
        _ => "TEXT",
    };

    /// <summary>The name quoted for SQL (standard names are snake_case, but a catalog may bring a keyword).</summary>
    public string Quoted => Sql.Quote(Name);
}
