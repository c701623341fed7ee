using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;

namespace Rosetta.Storage.ClickHouse.Http;

/// <summary>
/// ClickHouse's HTTP interface: statements POSTed as the body, settings as URL parameters (the server takes an
/// unknown parameter as a setting, so only settings are sent), inserts with the statement in <c>query=</c> and the rows
/// gzip-compressed as the body, results in <c>JSONCompact</c>. Errors are read from the body into
/// <see cref="ClickHouseException"/>; a lost connection is a transient one.
/// </summary>
internal sealed class ClickHouseHttp : IDisposable
{
    private readonly HttpClient _client;
    private readonly ClickHouseLocation _location;

    public ClickHouseHttp(ClickHouseLocation location)
    {
        _location = location;
        var handler = new SocketsHttpHandler
        {
            PooledConnectionIdleTimeout = TimeSpan.FromSeconds(2), // the server closes idle connections after 3 s (keep_alive_timeout)
            ConnectTimeout = TimeSpan.FromSeconds(10),
            AutomaticDecompression = DecompressionMethods.GZip,
        };
        _client = new HttpClient(handler) { BaseAddress = location.Endpoint, Timeout = Timeout.InfiniteTimeSpan };
    }

    /// <summary>Runs a statement that returns no rows (DDL, INSERT ... SELECT) or whose text is wanted as it is.</summary>
    /// <exception cref="ClickHouseException">The server refused it, or could not be reached.</exception>
    public string Execute(string sql, IReadOnlyDictionary<string, string>? settings = null, CancellationToken cancellation = default)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, Url(settings, null)) { Content = new StringContent(sql, Encoding.UTF8) };
        using var response = Send(request, cancellation);
        return ReadText(response, cancellation);
    }

    /// <summary>Runs a query and reads its rows (<c>FORMAT JSONCompact</c>).</summary>
    /// <exception cref="ClickHouseException">The server refused it, or could not be reached.</exception>
    public QueryResult Query(string sql, IReadOnlyDictionary<string, string>? settings = null, string? queryId = null, CancellationToken cancellation = default)
    {
        var all = new Dictionary<string, string>(settings ?? new Dictionary<string, string>(), StringComparer.Ordinal)
        {
            ["default_format"] = "JSONCompact",
            ["output_format_json_quote_64bit_integers"] = "0",
            ["output_format_json_quote_denormals"] = "1",
        };
        using var request = new HttpRequestMessage(HttpMethod.Post, Url(all, null, queryId)) { Content = new StringContent(sql, Encoding.UTF8) };
        using var response = Send(request, cancellation);
        var body = ReadText(response, cancellation);
        try
        {
            return QueryResult.Parse(body);
        }
        catch (JsonException)
        {
            // A query that fails after its first rows were sent ends its 200 response with the error text.
            var tail = body.Length > 2000 ? body[^2000..] : body;
            var at = tail.LastIndexOf("Code: ", StringComparison.Ordinal);
            throw at >= 0 ? ClickHouseException.FromResponse(500, tail[at..]) : new ClickHouseException(0, "the server's answer is not the JSON asked for: " + Shorten(body), retryable: false);
        }
    }

    /// <summary>Sends rows: <paramref name="insert"/> is <c>INSERT INTO t (columns) FORMAT F</c>, <paramref name="gzipRows"/> the rows, gzip-compressed.</summary>
    /// <exception cref="ClickHouseException">The server refused them, or could not be reached.</exception>
    public void Insert(string insert, ReadOnlyMemory<byte> gzipRows, IReadOnlyDictionary<string, string>? settings, string queryId, CancellationToken cancellation = default)
    {
        var content = new ReadOnlyMemoryContent(gzipRows);
        content.Headers.ContentEncoding.Add("gzip");
        content.Headers.ContentType = new MediaTypeHeaderValue("application/octet-stream");
        using var request = new HttpRequestMessage(HttpMethod.Post, Url(settings, insert, queryId)) { Content = content };
        using var response = Send(request, cancellation);
        ReadText(response, cancellation);
    }

    public void Dispose() => _client.Dispose();

    private static string Url(IReadOnlyDictionary<string, string>? settings, string? query, string? queryId = null)
    {
        var parameters = new List<string>();
        if (query is not null)
        {
            parameters.Add("query=" + Uri.EscapeDataString(query));
        }

        if (queryId is not null)
        {
            parameters.Add("query_id=" + Uri.EscapeDataString(queryId));
        }

        parameters.AddRange((settings ?? new Dictionary<string, string>()).Select(s => $"{Uri.EscapeDataString(s.Key)}={Uri.EscapeDataString(s.Value)}"));
        return "?" + string.Join('&', parameters);
    }

    private HttpResponseMessage Send(HttpRequestMessage request, CancellationToken cancellation)
    {
        if (_location.Authorization is { } authorization)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Basic", authorization.Base64);
        }

        try
        {
            return _client.Send(request, HttpCompletionOption.ResponseHeadersRead, cancellation);
        }
        catch (HttpRequestException e)
        {
            throw new ClickHouseException(0, $"{_location.Endpoint.Host}:{_location.Endpoint.Port} cannot be reached: {e.Message}", retryable: true, e);
        }
        catch (TaskCanceledException e) when (!cancellation.IsCancellationRequested)
        {
            throw new ClickHouseException(0, $"{_location.Endpoint.Host}:{_location.Endpoint.Port} did not answer in time", retryable: true, e);
        }
    }

    private string ReadText(HttpResponseMessage response, CancellationToken cancellation)
    {
        string body;
        try
        {
            using var stream = response.Content.ReadAsStream(cancellation);
            using var reader = new StreamReader(stream, Encoding.UTF8);
            body = reader.ReadToEnd();
        }
        catch (Exception e) when (e is IOException or HttpRequestException)
        {
            throw new ClickHouseException(0, $"{_location.Endpoint.Host}:{_location.Endpoint.Port} closed the connection mid-answer: {e.Message}", retryable: true, e);
        }

        if (!response.IsSuccessStatusCode)
        {
            throw ClickHouseException.FromResponse((int)response.StatusCode, body);
        }

        return body;
    }

    private static string Shorten(string text) => text.Length > 300 ? text[..300] + " ..." : text;
}
