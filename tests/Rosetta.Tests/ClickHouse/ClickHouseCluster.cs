using System.Diagnostics;
using Shouldly;
using Xunit;

namespace Rosetta.Tests.ClickHouse;

/// <summary>
/// A real two-shard ClickHouse cluster (and its ZooKeeper) started by <c>scripts/clickhouse-cluster.sh</c> from a folder
/// and ports of the tests' own, stopped when the tests end. Each test uses a database of its own.
/// </summary>
public sealed class ClickHouseCluster : IDisposable
{
    private const int FirstHttpPort = 18323;
    private readonly string _folder = Path.Combine(Path.GetTempPath(), $"rosetta-clickhouse-tests-{Environment.ProcessId}");
    private readonly HttpClient _http = new() { Timeout = TimeSpan.FromSeconds(60) };

    public ClickHouseCluster()
    {
        var (exit, output, error) = Script("start");
        exit.ShouldBe(0, $"scripts/clickhouse-cluster.sh start failed: {error}");
        Url = output.Trim().Split('\n')[^1];
        Url.ShouldStartWith("clickhouse://127.0.0.1:");
    }

    /// <summary>The store URL the script printed (database 'rosetta', cluster 'rosetta').</summary>
    public string Url { get; }

    /// <summary>A store URL for <paramref name="database"/> on the cluster, with more options after it.</summary>
    public static string Store(string database, string options = "cluster=rosetta") =>
        $"clickhouse://127.0.0.1:{FirstHttpPort}/{database}{(options.Length > 0 ? "?" + options : "")}";

    /// <summary>A fresh database name for one test.</summary>
    public static string NewDatabase(string purpose) => $"t_{purpose}_{Guid.NewGuid().ToString("N")[..8]}";

    /// <summary>Runs SQL on node 1 or 2 directly (not through Rosetta); returns the TSV answer, trimmed.</summary>
    public string Sql(int node, string sql)
    {
        using var response = _http.PostAsync($"http://127.0.0.1:{FirstHttpPort + node - 1}/", new StringContent(sql)).Result;
        var body = response.Content.ReadAsStringAsync().Result;
        response.IsSuccessStatusCode.ShouldBeTrue(body);
        return body.Trim();
    }

    /// <summary>A whole number SQL returns, from node 1 unless told.</summary>
    public long Scalar(string sql, int node = 1) => long.Parse(Sql(node, sql), System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>Kills node <paramref name="node"/> at once (SIGKILL), as a crash would.</summary>
    public void Kill(int node)
    {
        var pid = int.Parse(File.ReadAllText(Path.Combine(_folder, $"node{node}.pid")).Trim(), System.Globalization.CultureInfo.InvariantCulture);
        using var process = Process.GetProcessById(pid); // throws when the node is not running: a test left it down
        process.Kill();
        process.WaitForExit(30_000);
    }

    /// <summary>Starts the nodes that are not running (the script leaves running ones alone).</summary>
    public void Restart()
    {
        var (exit, _, error) = Script("start");
        exit.ShouldBe(0, error);
    }

    public void Dispose()
    {
        Script("stop");
        _http.Dispose();
        try
        {
            Directory.Delete(_folder, recursive: true);
        }
        catch (IOException)
        {
            // A server's last log lines may still be written; the folder is in the temporary directory.
        }
    }

    private (int Exit, string Out, string Err) Script(string verb)
    {
        var start = new ProcessStartInfo("bash", $"\"{Path.Combine(Paths.Repository, "scripts", "clickhouse-cluster.sh")}\" {verb}")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        start.Environment["ROSETTA_CLICKHOUSE_DIR"] = _folder;
        start.Environment["ROSETTA_CLICKHOUSE_PORT"] = FirstHttpPort.ToString(System.Globalization.CultureInfo.InvariantCulture);
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        process.WaitForExit(600_000).ShouldBeTrue("the cluster script did not finish in 10 minutes");
        return (process.ExitCode, output.Result, error.Result);
    }
}

/// <summary>Tests that share the one local cluster.</summary>
[CollectionDefinition("clickhouse")]
public sealed class ClickHouseTestGroup : ICollectionFixture<ClickHouseCluster>;
