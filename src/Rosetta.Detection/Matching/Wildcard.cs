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
    /// <summary>The test for <paramref name="pattern"/> matched against the whole text.</summary>
    public static Func<string, bool> Compile(string pattern, bool cased)
    {
        var comparison = cased ? StringComparison.Ordinal : StringComparison.OrdinalIgnoreCase;
        if (!HasWildcards(pattern))
        {
            var literal = Unescape(pattern);
            return text => string.Equals(text, literal, comparison);
        }

        // The shapes contains/startswith/endswith produce, without a regex.
        var inner = pattern.Length >= 2 ? pattern[1..^1] : "";
        if (pattern.Length >= 2 && pattern[0] == '*' && pattern[^1] == '*' && !HasWildcards(inner) && !EndsEscaping(pattern[..^1]))
        {
            var literal = Unescape(inner);
            return text => text.Contains(literal, comparison);
        }

        if (pattern[^1] == '*' && !HasWildcards(pattern[..^1]) && !EndsEscaping(pattern[..^1]))
        {
            var literal = Unescape(pattern[..^1]);
            return text => text.StartsWith(literal, comparison);
        }

        if (pattern[0] == '*' && !HasWildcards(pattern[1..]))
        {
            var literal = Unescape(pattern[1..]);
            return text => text.EndsWith(literal, comparison);
        }

        var regex = new Regex(ToRegex(pattern), RegexOptions.NonBacktracking | RegexOptions.CultureInvariant | (cased ? 0 : RegexOptions.IgnoreCase));
        return regex.IsMatch;
    }

    /// <summary>Escapes text so that it is matched as written.</summary>
    public static string Escape(string text) => text.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("*", "\\*", StringComparison.Ordinal).Replace("?", "\\?", StringComparison.Ordinal);

    private static bool HasWildcards(string pattern)
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

    private static string Unescape(string pattern)
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
        var regex = new StringBuilder("^");
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

        return regex.Append('$').ToString();
    }
}
