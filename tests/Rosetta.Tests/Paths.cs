namespace Rosetta.Tests;

/// <summary>Where the repository, its shipped dictionaries and ../shared are, from the test's output folder.</summary>
internal static class Paths
{
    public static string Repository { get; } = FindRepository();

    public static string Shared { get; } = Path.GetFullPath(Path.Combine(Repository, "..", "shared"));

    public static string ShippedDictionaries => Path.Combine(Repository, "dictionaries");

    public static string ShippedSchemas => Path.Combine(Repository, "schemas");

    public static string ZeekConn => Path.Combine(Shared, "corpus", "zeek", "conn.log");

    public static string SigmaRegression => Path.Combine(Shared, "sigma", "regression_data");

    public static string CloudFunnelCorpus => Path.Combine(Shared, "corpus", "sentinelone", "elastic_sentinel_one_cloud_funnel_event_test-network-action.log");

    public static string Samples => Path.Combine(Repository, "samples");

    public static string Golden => Path.Combine(Repository, "tests", "Rosetta.Tests", "Golden");

    public static string Seed000 => Path.Combine(Shared, "seeds", "000_ec487c117ba32e9d.txt");

    public static string Seed003 => Path.Combine(Shared, "seeds", "003_f8a51923cde39398.txt");

    public static string DefenderCorpus => Path.Combine(Shared, "corpus", "mde", "elastic_m365_defender_event_test-device.log");

    private static string FindRepository()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Rosetta.slnx")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("Rosetta.slnx not found above " + AppContext.BaseDirectory);
    }
}
