using Rosetta.Schema;

namespace Rosetta.Storage.ClickHouse.Dialects;

/// <summary>A column of ClickHouse's <c>events</c>: which standard name it comes from, and as what.</summary>
/// <param name="Name">The column's name: the standard name, or it with <c>_ms</c> for a time's milliseconds.</param>
/// <param name="Type">Its ClickHouse type.</param>
/// <param name="StandardName">The standard name whose value fills it.</param>
/// <param name="FieldType">That name's type.</param>
/// <param name="Role">Which part of the value it holds.</param>
public sealed record ClickHouseColumn(string Name, string Type, string StandardName, FieldType FieldType, ColumnRole Role);
