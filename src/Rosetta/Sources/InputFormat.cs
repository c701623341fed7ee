namespace Rosetta.Sources;

/// <summary>How an input's bytes are cut into records.</summary>
public enum InputFormat
{
    /// <summary>Sniffed from the first bytes.</summary>
    Auto,

    /// <summary>One JSON value per line.</summary>
    Ndjson,

    /// <summary>JSON documents: an array, a wrapper object, or values one after another, pretty-printed or not.</summary>
    Json,

    /// <summary>Comma- or tab-separated values with a header row.</summary>
    Csv,

    /// <summary>Windows event XML: &lt;Event&gt; elements, one after another or inside &lt;Events&gt;.</summary>
    Xml,

    /// <summary>Zeek's tab-separated logs with their #separator and #fields header.</summary>
    Zeek,
}
