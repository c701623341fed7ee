using System.Text.Json.Serialization;

namespace Rosetta.Storage.ClickHouse;

/// <summary>The ClickHouse store's JSON (the inputs of a run), through generated code rather than reflection (Native AOT).</summary>
[JsonSerializable(typeof(string[]))]
internal sealed partial class ClickHouseJson : JsonSerializerContext;
