using System.Text.RegularExpressions;

namespace Rosetta.Storage.Hunting;

/// <summary>
/// A documented SQL file shipped in <c>hunts/</c>, run by name. Its leading comment is its documentation: the first
/// line the title, then the description, and <c>-- param NAME = DEFAULT: meaning</c> lines for the values the query
/// takes as <c>:NAME</c>, which <c>--param NAME=VALUE</c> overrides.
/// </summary>
public sealed partial class SavedHunt
{
    private SavedHunt(string name, string path, string title, string description, IReadOnlyList<HuntParameter> parameters, string sql)
    {
        Name = name;
        Path = path;
        Title = title;
        Description = description;
        Parameters = parameters;
        Sql = sql;
    }

    /// <summary>The file name without <c>.sql</c>: what <c>--saved</c> takes.</summary>
    public string Name { get; }

    /// <summary>Where it was read from.</summary>
    public string Path { get; }

    /// <summary>One line saying what it finds.</summary>
    public string Title { get; }

    /// <summary>Why and how, as written in the file.</summary>
    public string Description { get; }

    /// <summary>Values the query takes, with their defaults.</summary>
    public IReadOnlyList<HuntParameter> Parameters { get; }

    /// <summary>The whole file, comment included (SQLite skips comments).</summary>
    public string Sql { get; }

    /// <summary>Every <c>*.sql</c> file of <paramref name="folder"/>, by name.</summary>
    public static IReadOnlyList<SavedHunt> LoadAll(string folder) =>
        Directory.Exists(folder)
            ? [.. Directory.EnumerateFiles(folder, "*.sql").Order(StringComparer.Ordinal).Select(Load)]
            : [];

    /// <summary>Reads one hunt file.</summary>
    public static SavedHunt Load(string path)
    {
        var sql = File.ReadAllText(path);
        var comment = sql.Split('\n').Select(l => l.TrimEnd('\r')).TakeWhile(l => l.StartsWith("--", StringComparison.Ordinal)).Select(l => l[2..].Trim()).ToList();
        var parameters = new List<HuntParameter>();
        var description = new List<string>();
        foreach (var line in comment.Skip(1))
        {
            if (ParameterLine().Match(line) is { Success: true } match)
            {
                parameters.Add(new HuntParameter(match.Groups["name"].Value, match.Groups["value"].Value.Trim(), match.Groups["meaning"].Value.Trim()));
            }
            else
            {
                description.Add(line);
            }
        }

        var title = comment.FirstOrDefault() ?? "";
        return new SavedHunt(System.IO.Path.GetFileNameWithoutExtension(path), path, title, string.Join('\n', description).Trim(), parameters, sql);
    }

    [GeneratedRegex(@"^param\s+(?<name>[A-Za-z_][A-Za-z0-9_]*)\s*=\s*(?<value>[^:]*):(?<meaning>.*)$")]
    private static partial Regex ParameterLine();
}
