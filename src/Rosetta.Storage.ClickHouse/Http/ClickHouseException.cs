using System.Text.RegularExpressions;

namespace Rosetta.Storage.ClickHouse.Http;

/// <summary>
/// ClickHouse refused a request, or could not be reached. <see cref="Code"/> is the server's error code (0 when the
/// server did not answer with one); <see cref="Retryable"/> says whether sending it again may succeed.
/// </summary>
public sealed partial class ClickHouseException : Exception
{
    /// <summary>Codes of transient trouble: the network, a shard or ZooKeeper away, too many parts or queries for now.</summary>
    private static readonly HashSet<int> TransientCodes =
    [
        3,   // UNEXPECTED_END_OF_FILE: the body was cut off
        32,  // ATTEMPT_TO_READ_AFTER_EOF: a shard's connection ended mid-packet (the shard died)
        33,  // CANNOT_READ_ALL_DATA: the same, mid-block
        198, // DNS_ERROR
        202, // TOO_MANY_SIMULTANEOUS_QUERIES
        209, // SOCKET_TIMEOUT
        210, // NETWORK_ERROR
        225, // NO_ZOOKEEPER
        242, // TABLE_IS_READ_ONLY (a replica lost ZooKeeper)
        252, // TOO_MANY_PARTS
        279, // ALL_CONNECTION_TRIES_FAILED
        319, // UNKNOWN_STATUS_OF_INSERT
        999, // KEEPER_EXCEPTION
    ];

    /// <summary>Creates the exception.</summary>
    public ClickHouseException(int code, string message, bool retryable, Exception? inner = null)
        : base(message, inner)
    {
        Code = code;
        Retryable = retryable;
    }

    /// <summary>ClickHouse's error code, or 0.</summary>
    public int Code { get; }

    /// <summary>True when the same request may succeed later (connection lost, a shard down, HTTP 502/503/504 ...).</summary>
    public bool Retryable { get; }

    /// <summary>
    /// The error in a response body: <c>Code: 62, e.displayText() = DB::Exception: MESSAGE, e.what() = DB::Exception</c>
    /// (18.x) or <c>Code: 62. DB::Exception: MESSAGE. (SYNTAX_ERROR) (version ...)</c> (21.x and later).
    /// </summary>
    public static ClickHouseException FromResponse(int status, string body)
    {
        var text = body.Trim();
        if (OldForm().Match(text) is { Success: true } old)
        {
            return Create(int.Parse(old.Groups["code"].Value, System.Globalization.CultureInfo.InvariantCulture), old.Groups["message"].Value, status);
        }

        if (NewForm().Match(text) is { Success: true } current)
        {
            return Create(int.Parse(current.Groups["code"].Value, System.Globalization.CultureInfo.InvariantCulture), current.Groups["message"].Value, status);
        }

        var shown = text.Length > 300 ? text[..300] + " ..." : text;
        return new ClickHouseException(0, $"HTTP {status}{(shown.Length > 0 ? ": " + shown : "")}", status is 502 or 503 or 504 or 429);
    }

    private static ClickHouseException Create(int code, string message, int status)
    {
        var oneLine = string.Join(' ', message.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
        return new ClickHouseException(code, $"code {code}: {oneLine}", TransientCodes.Contains(code) || status is 502 or 503 or 504);
    }

    [GeneratedRegex(@"^Code: (?<code>\d+), e\.displayText\(\) = (?:DB::\w+: )?(?<message>.*?)(?:, e\.what\(\) = [\w:]+)?$", RegexOptions.Singleline)]
    private static partial Regex OldForm();

    [GeneratedRegex(@"^Code: (?<code>\d+)\. (?:DB::\w+: )?(?<message>.*?)\.?(?: \([A-Z_]+\))?(?: \(version .*\))?\.?$", RegexOptions.Singleline)]
    private static partial Regex NewForm();
}
