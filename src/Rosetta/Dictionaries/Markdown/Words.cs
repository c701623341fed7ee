namespace Rosetta.Dictionaries.Markdown;

/// <summary>Splits names and titles into lower-case words ("NetworkConnection" is network, connection).</summary>
internal static class Words
{
    private static readonly HashSet<string> Ignored = new(StringComparer.Ordinal) { "event", "the", "and", "for" };

    public static HashSet<string> Of(string text)
    {
        var words = new HashSet<string>(StringComparer.Ordinal);
        var word = new System.Text.StringBuilder();
        for (var i = 0; i <= text.Length; i++)
        {
            var c = i < text.Length ? text[i] : ' ';
            var boundary = !char.IsLetterOrDigit(c) || (char.IsUpper(c) && i > 0 && char.IsLower(text[i - 1]));
            if (boundary && word.Length > 0)
            {
                var w = word.ToString().ToLowerInvariant();
                if (w.Length >= 3 && !Ignored.Contains(w))
                {
                    words.Add(w);
                }

                word.Clear();
            }

            if (char.IsLetterOrDigit(c))
            {
                word.Append(c);
            }
        }

        return words;
    }
}
