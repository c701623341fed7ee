using System.Text.Json.Serialization;
using Rosetta.Storage;

namespace Rosetta.Cli;

/// <summary>The command line's JSON output (<c>store info --format json</c>), through generated code rather than reflection (Native AOT).</summary>
[JsonSourceGenerationOptions(WriteIndented = true, PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower)]
[JsonSerializable(typeof(StoreInfo))]
[JsonSerializable(typeof(string[]))]
internal sealed partial class CliJson : JsonSerializerContext;
