using System.Globalization;
using Rosetta.Schema;

namespace Rosetta.Storage.ClickHouse.Dialects;

/// <summary>
/// What differs between ClickHouse versions in the tables Rosetta makes and the rows it sends: the 18.16 dialect
/// (Debian's server: no DateTime64, no IP types, LowCardinality experimental, no async inserts) and the modern one
/// (DateTime64(3), IPv6, LowCardinality, async inserts) that current clusters run.
/// </summary>
public abstract class ClickHouseDialect
{
    /// <summary>ClickHouse 18.16 (and anything before 21.11).</summary>
    public static ClickHouseDialect Legacy { get; } = new LegacyDialect();

    /// <summary>ClickHouse 21.11 and later.</summary>
    public static ClickHouseDialect Modern { get; } = new ModernDialect();

    /// <summary>Its name in a store URL's <c>dialect=</c>.</summary>
    public abstract string Name { get; }

    /// <summary>The type of a text column whose values repeat (source, event, table names).</summary>
    public abstract string RepeatedText { get; }

    /// <summary>The earliest time a time column holds; earlier times would wrap silently, so they are not sent.</summary>
    public abstract DateTime EarliestTime { get; }

    /// <summary>The latest time a time column holds.</summary>
    public abstract DateTime LatestTime { get; }

    /// <summary>Settings of every insert; <paramref name="distributed"/> when it goes through a Distributed table.</summary>
    public abstract IReadOnlyDictionary<string, string> InsertSettings(bool distributed);

    /// <summary>The columns a standard name takes.</summary>
    public abstract IReadOnlyList<ClickHouseColumn> ColumnsOf(StandardName name);

    /// <summary>The dialect for a server reporting <paramref name="version"/> (<c>SELECT version()</c>).</summary>
    public static ClickHouseDialect ForVersion(string version)
    {
        var parts = version.Split('.');
        var major = parts.Length > 0 && int.TryParse(parts[0], NumberStyles.Integer, CultureInfo.InvariantCulture, out var m) ? m : 0;
        var minor = parts.Length > 1 && int.TryParse(parts[1], NumberStyles.Integer, CultureInfo.InvariantCulture, out var n) ? n : 0;
        return major > 21 || (major == 21 && minor >= 11) ? Modern : Legacy;
    }

    /// <summary>The dialect named <paramref name="name"/> (<c>18.16</c> or <c>modern</c>), or null.</summary>
    public static ClickHouseDialect? Named(string name) => name switch
    {
        "18.16" => Legacy,
        "modern" => Modern,
        _ => null,
    };

    /// <summary>The nullable ClickHouse type of a value of <paramref name="type"/> other than a time.</summary>
    protected static string ScalarType(FieldType type, string ipType) => type switch
    {
        FieldType.Integer or FieldType.Port => "Nullable(Int64)", // validated upstream; Int64 so that nothing wraps
        FieldType.Boolean => "Nullable(UInt8)",
        FieldType.Float => "Nullable(Float64)",
        FieldType.Ip => $"Nullable({ipType})",
        _ => "Nullable(String)",
    };

    private sealed class LegacyDialect : ClickHouseDialect
    {
        private static readonly Dictionary<string, string> Distributed = new() { ["insert_distributed_sync"] = "1" };

        public override string Name => "18.16";

        public override string RepeatedText => "String";

        public override DateTime EarliestTime => new(1970, 1, 1, 0, 0, 0, DateTimeKind.Utc);

        public override DateTime LatestTime => new(2105, 12, 31, 23, 59, 59, DateTimeKind.Utc);

        public override IReadOnlyDictionary<string, string> InsertSettings(bool distributed) =>
            distributed ? Distributed : new Dictionary<string, string>();

        public override IReadOnlyList<ClickHouseColumn> ColumnsOf(StandardName name) => name.Type == FieldType.Date
            ?
            [
                new(name.Name, "Nullable(DateTime('UTC'))", name.Name, name.Type, ColumnRole.Seconds),
                new(name.Name + "_ms", "Nullable(UInt16)", name.Name, name.Type, ColumnRole.Milliseconds),
            ]
            : [new(name.Name, ScalarType(name.Type, "String"), name.Name, name.Type, ColumnRole.Value)];
    }

    private sealed class ModernDialect : ClickHouseDialect
    {
        public override string Name => "modern";

        public override string RepeatedText => "LowCardinality(String)";

        public override DateTime EarliestTime => new(1900, 1, 1, 0, 0, 0, DateTimeKind.Utc);

        public override DateTime LatestTime => new(2299, 12, 31, 23, 59, 59, DateTimeKind.Utc);

        public override IReadOnlyDictionary<string, string> InsertSettings(bool distributed)
        {
            var settings = new Dictionary<string, string> { ["async_insert"] = "1", ["wait_for_async_insert"] = "1" };
            if (distributed)
            {
                settings["insert_distributed_sync"] = "1";
            }

            return settings;
        }

        public override IReadOnlyList<ClickHouseColumn> ColumnsOf(StandardName name) => name.Type == FieldType.Date
            ? [new(name.Name, "Nullable(DateTime64(3, 'UTC'))", name.Name, name.Type, ColumnRole.Time64)]
            : [new(name.Name, ScalarType(name.Type, "IPv6"), name.Name, name.Type, ColumnRole.Value)];
    }
}
