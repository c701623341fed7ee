namespace Rosetta.Schema;

/// <summary>The closed set of value types Rosetta converts to.</summary>
public enum FieldType
{
    /// <summary>Text, copied through.</summary>
    String,

    /// <summary>A whole number (int, integer, long, bigint ...).</summary>
    Integer,

    /// <summary>A whole number from 0 to 65535.</summary>
    Port,

    /// <summary>A floating point number.</summary>
    Float,

    /// <summary>true or false; also "true"/"false", 1/0, yes/no.</summary>
    Boolean,

    /// <summary>An IPv4 or IPv6 address, written in canonical text.</summary>
    Ip,

    /// <summary>A point in time, written as ISO-8601 UTC with <c>Z</c>.</summary>
    Date,

    /// <summary>An IP protocol, written as its IANA keyword in lower case (<c>TcpV4</c> and <c>6</c> become <c>tcp</c>).</summary>
    Protocol,

    /// <summary>An object or array, copied through as JSON.</summary>
    Json,
}
