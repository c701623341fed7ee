using Rosetta.Diagnostics;

namespace Rosetta.Schema.Profiles;

/// <summary>The output profiles of a folder (<c>schemas/*.yml</c>), by name.</summary>
public sealed class ProfileCatalog
{
    private readonly Dictionary<string, OutputProfile> _profiles;

    private ProfileCatalog(Dictionary<string, OutputProfile> profiles) => _profiles = profiles;

    /// <summary>The name of the default profile: the seeds' standard names, flat.</summary>
    public const string DefaultName = "ossem";

    /// <summary>Every profile, by name.</summary>
    public IEnumerable<OutputProfile> Profiles => _profiles.Values.OrderBy(p => p.Name, StringComparer.Ordinal);

    /// <summary>What is wrong with any of the files.</summary>
    public IEnumerable<Diagnostic> Diagnostics => _profiles.Values.SelectMany(p => p.Diagnostics);

    /// <summary>Finds a profile by name (case-insensitive).</summary>
    public OutputProfile? Find(string name) =>
        _profiles.Values.FirstOrDefault(p => string.Equals(p.Name, name, StringComparison.OrdinalIgnoreCase));

    /// <summary>Reads every <c>*.yml</c> of <paramref name="folder"/>; a missing folder is an empty catalog.</summary>
    public static ProfileCatalog Load(string folder)
    {
        var profiles = new Dictionary<string, OutputProfile>(StringComparer.Ordinal);
        if (Directory.Exists(folder))
        {
            foreach (var file in Directory.EnumerateFiles(folder, "*.yml").Order(StringComparer.Ordinal))
            {
                var profile = ProfileReader.Read(file, File.ReadAllText(file));
                profiles.TryAdd(profile.Name, profile);
            }
        }

        return new ProfileCatalog(profiles);
    }
}
