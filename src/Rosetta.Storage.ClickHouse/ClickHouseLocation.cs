using System.Net;
using System.Text;
using Rosetta.Storage.ClickHouse.Http;

namespace Rosetta.Storage.ClickHouse;

/// <summary>
/// Where a ClickHouse store is: <c>clickhouse://[USER@]HOST:PORT/DATABASE[?cluster=NAME&amp;dialect=18.16|modern&amp;replicated=1&amp;tls=1&amp;batch_rows=N&amp;retries=N]</c>,
/// PORT being the HTTP interface's. The password never appears in the URL: it comes from <c>ROSETTA_CLICKHOUSE_PASSWORD</c>,
/// or from the file <c>ROSETTA_CLICKHOUSE_PASSWORD_FILE</c> names; the user from the URL or <c>ROSETTA_CLICKHOUSE_USER</c>.
/// </summary>
public sealed record ClickHouseLocation
{
    /// <summary>The URL scheme that selects this store.</summary>
    public const string Scheme = "clickhouse://";

    /// <summary>Rows per insert unless <c>batch_rows</c> says otherwise: large enough for ClickHouse's parts.</summary>
    public const int DefaultBatchRows = 100_000;

    private ClickHouseLocation(Uri endpoint, string database, string? cluster, string dialect, bool replicated, string user, string? password, int batchRows, int retries)
    {
        BatchRows = batchRows;
        Retries = retries;
        Endpoint = endpoint;
        Database = database;
        Cluster = cluster;
        Dialect = dialect;
        Replicated = replicated;
        User = user;
        Password = password;
    }

    /// <summary>The HTTP interface (<c>http://HOST:PORT/</c>).</summary>
    public Uri Endpoint { get; }

    /// <summary>The database holding Rosetta's tables.</summary>
    public string Database { get; }

    /// <summary>The cluster (from the server's <c>remote_servers</c>) to shard over, or null for one server.</summary>
    public string? Cluster { get; }

    /// <summary>The SQL dialect asked for: <c>18.16</c>, <c>modern</c>, or <c>auto</c> (by the server's version).</summary>
    public string Dialect { get; }

    /// <summary>Use ReplicatedReplacingMergeTree even when each shard has one replica (more replicas always do).</summary>
    public bool Replicated { get; }

    /// <summary>Rows per insert (<c>batch_rows</c>, 100,000 by default).</summary>
    public int BatchRows { get; }

    /// <summary>Tries of a request that fails for a transient reason (<c>retries</c>, 10 by default: about 80 seconds of backoff).</summary>
    public int Retries { get; }

    /// <summary>The ClickHouse user.</summary>
    public string User { get; }

    /// <summary>The password, or null; never printed.</summary>
    internal string? Password { get; }

    /// <summary>True when <paramref name="store"/> names a ClickHouse store rather than a SQLite file.</summary>
    public static bool Names(string store) => store.StartsWith(Scheme, StringComparison.OrdinalIgnoreCase);

    /// <summary>Reads a store URL; <paramref name="environment"/> gives the credentials' variables (the process's by default).</summary>
    /// <exception cref="StoreException">The URL is malformed, or carries a password.</exception>
    public static ClickHouseLocation Parse(string store, Func<string, string?>? environment = null)
    {
        environment ??= Environment.GetEnvironmentVariable;
        if (!Names(store) || !Uri.TryCreate("http://" + store[Scheme.Length..], UriKind.Absolute, out var uri) || uri.Port <= 0)
        {
            throw new StoreException($"{Redacted(store)}: expected clickhouse://HOST:PORT/DATABASE (PORT: the HTTP interface, 8123 by default)");
        }

        var userInfo = Uri.UnescapeDataString(uri.UserInfo);
        if (userInfo.Contains(':', StringComparison.Ordinal))
        {
            throw new StoreException($"{Redacted(store)}: a password in the store URL would be shown in process lists and logs; set ROSETTA_CLICKHOUSE_PASSWORD or ROSETTA_CLICKHOUSE_PASSWORD_FILE instead");
        }

        var database = uri.AbsolutePath.Trim('/');
        if (database.Length == 0)
        {
            database = "rosetta";
        }

        if (!IsIdentifier(database))
        {
            throw new StoreException($"{Redacted(store)}: the database name '{database}' must be letters, digits and underscores");
        }

        var query = Query(uri.Query);
        foreach (var key in query.Keys.Where(k => k is not ("cluster" or "dialect" or "replicated" or "tls" or "batch_rows" or "retries")))
        {
            throw new StoreException($"{Redacted(store)}: unknown option '{key}' (known: cluster, dialect, replicated, tls, batch_rows, retries)");
        }

        var batchRows = Number(store, query, "batch_rows", DefaultBatchRows, 1, 10_000_000);
        var retries = Number(store, query, "retries", RetryPolicy.Default.Attempts, 1, 100);

        var cluster = query.GetValueOrDefault("cluster");
        if (cluster is not null && !IsIdentifier(cluster))
        {
            throw new StoreException($"{Redacted(store)}: the cluster name '{cluster}' must be letters, digits and underscores");
        }

        var dialect = query.GetValueOrDefault("dialect") ?? "auto";
        if (dialect is not ("auto" or "18.16" or "modern"))
        {
            throw new StoreException($"{Redacted(store)}: dialect must be 18.16, modern or auto, not '{dialect}'");
        }

        var tls = query.GetValueOrDefault("tls") is "1" or "true";
        var endpoint = new Uri($"{(tls ? "https" : "http")}://{uri.Host}:{uri.Port}/");
        var user = userInfo.Length > 0 ? userInfo : environment("ROSETTA_CLICKHOUSE_USER") ?? "default";
        return new ClickHouseLocation(endpoint, database, cluster, dialect, query.GetValueOrDefault("replicated") is "1" or "true", user, PasswordFrom(environment), batchRows, retries);
    }

    /// <summary>The location as the user may see it: no password, ever.</summary>
    public override string ToString() =>
        $"{Scheme}{(User == "default" ? "" : User + "@")}{Endpoint.Host}:{Endpoint.Port}/{Database}{(Cluster is null ? "" : "?cluster=" + Cluster)}";

    /// <summary>The HTTP Basic credentials, or null for the passwordless default user.</summary>
    internal AuthenticationHeader? Authorization =>
        Password is null && User == "default" ? null : new AuthenticationHeader(Convert.ToBase64String(Encoding.UTF8.GetBytes($"{User}:{Password}")));

    private static string? PasswordFrom(Func<string, string?> environment)
    {
        if (environment("ROSETTA_CLICKHOUSE_PASSWORD") is { } password)
        {
            return password;
        }

        if (environment("ROSETTA_CLICKHOUSE_PASSWORD_FILE") is { } file)
        {
            try
            {
                return File.ReadAllText(file).TrimEnd('\r', '\n');
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                throw new StoreException($"ROSETTA_CLICKHOUSE_PASSWORD_FILE: {file}: {e.Message}", e);
            }
        }

        return null;
    }

    private static int Number(string store, Dictionary<string, string> query, string name, int fallback, int least, int most)
    {
        if (!query.TryGetValue(name, out var text))
        {
            return fallback;
        }

        return int.TryParse(text, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var value) && value >= least && value <= most
            ? value
            : throw new StoreException($"{Redacted(store)}: {name} must be a whole number from {least:N0} to {most:N0}, not '{text}'");
    }

    private static Dictionary<string, string> Query(string query)
    {
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var pair in query.TrimStart('?').Split('&', StringSplitOptions.RemoveEmptyEntries))
        {
            var equals = pair.IndexOf('=', StringComparison.Ordinal);
            values[WebUtility.UrlDecode(equals < 0 ? pair : pair[..equals])] = equals < 0 ? "1" : WebUtility.UrlDecode(pair[(equals + 1)..]);
        }

        return values;
    }

    private static bool IsIdentifier(string name) =>
        name.Length is > 0 and <= 128 && (char.IsAsciiLetter(name[0]) || name[0] == '_') && name.All(c => char.IsAsciiLetterOrDigit(c) || c == '_');

    private static string Redacted(string store)
    {
        var at = store.IndexOf('@', StringComparison.Ordinal);
        var colon = at < 0 ? -1 : store.IndexOf(':', Scheme.Length);
        return colon >= 0 && colon < at ? store[..colon] + ":***" + store[at..] : store;
    }
}
