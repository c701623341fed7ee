using System.Text;

namespace Rosetta.Mapping.Semantics;

/// <summary>
/// Names a process by its image when the source gives only the path (Sysmon's Image, Windows' Application):
/// <c>process_name</c> is the last segment of <c>process_path</c>, and so for the parent, so that one hunt on
/// <c>process_name = 'powershell.exe'</c> finds every source's events. Splits a hash list (Sysmon's
/// <c>MD5=...,SHA256=...,IMPHASH=...</c>) into <c>hash_md5</c> ... in lower case, as the other sources write them.
/// </summary>
internal sealed class ProcessSemantics
{
    private static readonly (byte[] Algorithm, string Name)[] Algorithms =
    [
        ("MD5"u8.ToArray(), "hash_md5"), ("SHA1"u8.ToArray(), "hash_sha1"), ("SHA256"u8.ToArray(), "hash_sha256"),
        ("IMPHASH"u8.ToArray(), "hash_imphash"),
    ];

    private readonly (int Name, int Path)[] _pairs;
    private readonly int _hashes;
    private readonly int[] _hashOrdinals;

    public ProcessSemantics(RecordLayout layout)
    {
        _pairs = [.. new[] { ("process_name", "process_path"), ("process_parent_name", "process_parent_path") }
            .Select(pair => (layout.OrdinalOf(pair.Item1), layout.OrdinalOf(pair.Item2)))
            .Where(pair => pair.Item1 >= 0 && pair.Item2 >= 0)];
        _hashes = layout.OrdinalOf("process_hashes");
        _hashOrdinals = [.. Algorithms.Select(a => layout.OrdinalOf(a.Name))];
    }

    /// <summary>The standard names this fills from process_path and process_parent_path.</summary>
    public static readonly string[] NamesFromPaths = ["process_name", "process_parent_name"];

    /// <summary>The standard names this fills from process_hashes.</summary>
    public static string[] NamesFromHashes => [.. Algorithms.Select(a => a.Name)];

    public void Apply(FieldValues values)
    {
        if (_hashes >= 0 && values.Has(_hashes))
        {
            SplitHashes(values);
        }

        foreach (var (name, path) in _pairs)
        {
            if (values.Has(name) || !values.Has(path))
            {
                continue;
            }

            // The text is still JSON-escaped: a backslash separator is written \\, whose last byte is a backslash too.
            var text = values.Text(path);
            var last = text.LastIndexOfAny((byte)'\\', (byte)'/');
            var segment = text[(last + 1)..];
            if (!segment.IsEmpty)
            {
                values.Begin().EscapedString(segment);
                values.Commit(name);
            }
        }
    }

    private void SplitHashes(FieldValues values)
    {
        var list = values.Text(_hashes);
        Span<byte> lower = stackalloc byte[128];
        foreach (var range in list.Split((byte)','))
        {
            var pair = list[range].Trim(" "u8);
            var equals = pair.IndexOf((byte)'=');
            if (equals <= 0)
            {
                continue;
            }

            for (var i = 0; i < Algorithms.Length; i++)
            {
                var ordinal = _hashOrdinals[i];
                if (ordinal < 0 || values.Has(ordinal) || !Ascii.EqualsIgnoreCase(pair[..equals], Algorithms[i].Algorithm))
                {
                    continue;
                }

                var hex = pair[(equals + 1)..];
                if (hex.Length <= lower.Length && Ascii.ToLower(hex, lower, out var written) == System.Buffers.OperationStatus.Done)
                {
                    values.Begin().EscapedString(lower[..written]);
                    values.Commit(ordinal);
                }
            }
        }
    }
}
