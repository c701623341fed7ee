using System.Text;
using System.Text.RegularExpressions;

namespace Rosetta.Detection.Matching;

/// <summary>
/// A Sigma string value as a test on text: <c>*</c> any run, <c>?</c> one character, <c>\*</c> <c>\?</c> <c>\\</c>
/// the characters themselves (a backslash before anything else is itself); case-insensitive unless cased. Plain
/// values compare without a regex.
/// </summary>
internal static class Wildcard
{
    /// <summary>
    /// The test for <paramref name="pattern"/>: against the whole text, or with any text before it
    /// (<paramref name="anyBefore"/>: endswith, contains) or after it (<paramref name="anyAfter"/>). The modifiers'
    /// wildcards are flags, not characters, so a value ending in a backslash (<c>':\Users\Public\'</c>) stays one.
    /// </summary>
    public static Func<string, bool> Compile(string pattern, bool cased, bool anyBefore = false, bool anyAfter = false)
    {
        while (pattern.Length > 0 && pattern[0] == '*')
        {
            pattern = pattern[1..];
            anyBefore = true;
        }

        while (pattern.Length > 0 && pattern[^1] == '*' && !EndsEscaping(pattern[..^1]))
        {
            pattern = pattern[..^1];
            anyAfter = true;
        }

        var comparison = cased ? StringComparison.Ordinal : StringComparison.OrdinalIgnoreCase;
        if (!HasWildcards(pattern))
        {
            var literal = Unescape(pattern);
            return (anyBefore, anyAfter) switch
            {
                (true, true) => text => text.Contains(literal, comparison),
                (false, true) => text => text.StartsWith(literal, comparison),
                (true, false) => text => text.EndsWith(literal, comparison),
                _ => text => string.Equals(text, literal, comparison),
            };
        }

        var regex = new Regex(
            (anyBefore ? "" : "^") + ToRegex(pattern) + (anyAfter ? "" : "$"),
            RegexOptions.NonBacktracking | RegexOptions.CultureInvariant | (cased ? 0 : RegexOptions.IgnoreCase));
        return regex.IsMatch;
    }

    /// <summary>Escapes text so that it is matched as written.</summary>
    public static string Escape(string text) => text.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("*", "\\*", StringComparison.Ordinal).Replace("?", "\\?", StringComparison.Ordinal);

    /// <summary>True when the pattern has an unescaped <c>*</c> or <c>?</c>.</summary>
    public static bool HasWildcards(string pattern)
    {
        for (var i = 0; i < pattern.Length; i++)
        {
            if (pattern[i] == '\\' && i + 1 < pattern.Length && pattern[i + 1] is '*' or '?' or '\\')
            {
                i++;
            }
            else if (pattern[i] is '*' or '?')
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>True when the text ends in an odd run of backslashes (the next character would be escaped).</summary>
    private static bool EndsEscaping(string text)
    {
        var run = 0;
        for (var i = text.Length - 1; i >= 0 && text[i] == '\\'; i--)
        {
            run++;
        }

        return run % 2 == 1;
    }

    /// <summary>The text a pattern without wildcards stands for (its escapes undone).</summary>
    public static string Unescape(string pattern)
    {
        var text = new StringBuilder(pattern.Length);
        for (var i = 0; i < pattern.Length; i++)
        {
            if (pattern[i] == '\\' && i + 1 < pattern.Length && pattern[i + 1] is '*' or '?' or '\\')
            {
                i++;
            }

            text.Append(pattern[i]);
        }

        return text.ToString();
    }

    private static string ToRegex(string pattern)
    {
        var regex = new StringBuilder();
        for (var i = 0; i < pattern.Length; i++)
        {
            var c = pattern[i];
            if (c == '\\' && i + 1 < pattern.Length && pattern[i + 1] is '*' or '?' or '\\')
            {
                regex.Append(Regex.Escape(pattern[++i].ToString()));
            }
            else
            {
                regex.Append(c switch { '*' => ".*", '?' => ".", _ => Regex.Escape(c.ToString()) });
            }
        }

        return regex.ToString();
    }
}
