namespace Rosetta.Sources;

/// <summary>One input: a file, or standard input when <see cref="Name"/> is <c>-</c>.</summary>
/// <param name="Name">The path as the user wrote it (or as found in a folder), or <c>-</c>.</param>
/// <param name="Length">The size in bytes when known (files), for progress.</param>
public sealed record InputSource(string Name, long? Length)
{
    /// <summary>Opens the raw bytes (still compressed, if they are).</summary>
    public Stream Open() => Name == "-"
        ? Console.OpenStandardInput()
        : new FileStream(Name, FileMode.Open, FileAccess.Read, FileShare.Read, 1, FileOptions.SequentialScan);

    /// <summary>Expands files and folders (recursively, in path order; hidden files skipped) into inputs.</summary>
    /// <exception cref="FileNotFoundException">A path is neither a file, a folder nor <c>-</c>.</exception>
    public static IReadOnlyList<InputSource> Expand(IEnumerable<string> paths)
    {
        var inputs = new List<InputSource>();
        foreach (var path in paths)
        {
            if (path == "-")
            {
                inputs.Add(new InputSource("-", null));
            }
            else if (Directory.Exists(path))
            {
                inputs.AddRange(Directory.EnumerateFiles(path, "*", SearchOption.AllDirectories)
                    .Where(f => !Path.GetFileName(f).StartsWith('.'))
                    .Order(StringComparer.Ordinal)
                    .Select(f => new InputSource(f, new FileInfo(f).Length)));
            }
            else if (File.Exists(path))
            {
                inputs.Add(new InputSource(path, new FileInfo(path).Length));
            }
            else
            {
                throw new FileNotFoundException($"{path}: no such file or folder", path);
            }
        }

        return inputs;
    }
}
