namespace Rosetta.Dictionaries;

/// <summary>Tells a misspelt key from an unrelated one (<c>samepl_value</c> is <c>sample_value</c>).</summary>
internal static class Typo
{
    /// <summary>True when <paramref name="written"/> is within two edits of <paramref name="meant"/>.</summary>
    public static bool IsNear(string meant, string written)
    {
        if (Math.Abs(meant.Length - written.Length) > 2)
        {
            return false;
        }

        var previous = new int[written.Length + 1];
        var current = new int[written.Length + 1];
        for (var j = 0; j <= written.Length; j++)
        {
            previous[j] = j;
        }

        for (var i = 1; i <= meant.Length; i++)
        {
            current[0] = i;
            for (var j = 1; j <= written.Length; j++)
            {
                var cost = meant[i - 1] == written[j - 1] ? 0 : 1;
                current[j] = Math.Min(Math.Min(current[j - 1] + 1, previous[j] + 1), previous[j - 1] + cost);
            }

            (previous, current) = (current, previous);
        }

        return previous[written.Length] <= 2;
    }
}
