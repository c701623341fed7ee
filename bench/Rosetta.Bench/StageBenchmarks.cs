using System.Text;
using BenchmarkDotNet.Attributes;
using Rosetta.Dictionaries;
using Rosetta.Mapping;
using Rosetta.Mapping.Semantics;
using Rosetta.Schema;
using Rosetta.Schema.Profiles;

namespace Rosetta.Bench;

/// <summary>
/// The hot stages on one generated SentinelOne Deep Visibility event (the bench generator's shape): scan into slots,
/// route, the whole record standard-only and with the vendor leftovers, and Community ID. Each operation is one record,
/// so "Allocated" is bytes per record: the steady state should allocate nothing.
/// </summary>
[MemoryDiagnoser]
public class StageBenchmarks
{
    private byte[] _event = [];
    private CompiledSources _sources = null!;
    private SlotTable _slots = null!;
    private KeyOrder _order = null!;
    private RecordNormalizer _standardOnly = null!;
    private RecordNormalizer _default = null!;
    private readonly byte[] _communityId = new byte[CommunityId.Length];

    [GlobalSetup]
    public void Setup()
    {
        var repository = FindRepository();
        var dictionaries = Path.Combine(repository, "dictionaries");
        var catalog = DictionaryCatalog.Load([dictionaries]);
        var names = StandardNameCatalog.Load(Path.Combine(dictionaries, DictionaryCatalog.StandardNameFile));
        var (plans, _) = PlanCompiler.Compile(catalog, names);
        _sources = CompiledSources.Build(plans);
        var profile = CompiledProfile.Compile(new OutputProfile { Path = "", Name = ProfileCatalog.DefaultName, Identity = true }, _sources.Layout);
        _slots = new SlotTable(_sources.SlotCount);
        _order = new KeyOrder(_sources.NodeCount);
        _standardOnly = new RecordNormalizer(_sources, profile, standardOnly: true, strict: false);
        _default = new RecordNormalizer(_sources, profile, standardOnly: false, strict: false);
        _event = Encoding.UTF8.GetBytes(
            """{"http": null, "tcpv4": {"direction": "OUTGOING", "trueContext": {"key": {"value": "7912EF4AEFAE5D4E"}}, "status": "SUCCESS", "destinationAddress": {"port": 443, "address": "93.184.216.34"}, "sourceAddress": {"port": 50000, "address": "10.0.0.5"}, "source": {"parent": null, "activeContent": null, "node": {"key": {"value": "BD87A86557B6FB7E"}}, "fullPid": {"pid": 20429, "startTime": {"millisecondsSinceEpoch": 1571841329579}}, "user": "CORP\\jdoe", "integrityLevel": "INTEGRITY_LEVEL_SYSTEM", "isWow64": "E_UNSUPPORTED", "sessionId": 0, "trueContext": null, "executable": null, "excluded": "E_UNSUPPORTED", "commandLine": "\"C:\\Program Files\\Microsoft Office\\root\\Office16\\OUTLOOK.EXE\" /recycle", "interactive": "E_UNSUPPORTED", "subsystem": "SUBSYSTEM_UNKNOWN", "isRedirectedCommandProcessor": "E_UNSUPPORTED", "root": "E_UNSUPPORTED", "name": "OUTLOOK.EXE"}}, "timestamp": {"millisecondsSinceEpoch": 1571933515884}, "dns": null}""");
    }

    [Benchmark(Description = "scan into slots")]
    public void Scan() => Scan(_event);

    [Benchmark(Description = "scan + route")]
    public int Route() => Route(_event);

    [Benchmark(Description = "whole record, --standard-only")]
    public RecordOutcome StandardOnly() => StandardOnly(_event);

    [Benchmark(Description = "whole record, with vendor leftovers")]
    public RecordOutcome WithLeftovers() => WithLeftovers(_event);

    [Benchmark(Description = "Community ID")]
    public bool CommunityIdOnly() =>
        CommunityId.TryWrite([10, 0, 0, 5], [93, 184, 216, 34], 6, 50000, 443, _communityId);

    internal void Scan(byte[] record)
    {
        _slots.Reset();
        JsonSlotScanner.Scan(record, _sources.Root, _slots, _order);
    }

    internal int Route(byte[] record)
    {
        _slots.Reset();
        JsonSlotScanner.Scan(record, _sources.Root, _slots, _order);
        return _sources.Route(_slots, record, null);
    }

    internal RecordOutcome StandardOnly(byte[] record)
    {
        _standardOnly.Output.Clear();
        return _standardOnly.NormalizeJson(record, null, []);
    }

    internal RecordOutcome WithLeftovers(byte[] record)
    {
        _default.Output.Clear();
        return _default.NormalizeJson(record, null, []);
    }

    private static string FindRepository()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Rosetta.slnx")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("run from inside the repository");
    }
}
