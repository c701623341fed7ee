using System.Text.RegularExpressions;

namespace Rosetta.Detection.Conditions;

/// <summary>
/// Parses Sigma conditions with the specification's precedence (not, then and, then or; parentheses first):
/// <c>selection and not 1 of filter_*</c>, <c>all of them</c>, <c>(a or b) and not c</c>.
/// </summary>
internal static partial class ConditionParser
{
    /// <summary>The condition, or null with the reason.</summary>
    public static Condition? Parse(string text, out string? reason)
    {
        reason = null;
        var tokens = Token().Matches(text).Select(m => m.Value).ToList();
        if (tokens.Count == 0 || string.Concat(tokens).Length != Regex.Replace(text, @"\s+", "").Length)
        {
            reason = $"condition '{text}' has characters Sigma conditions do not use";
            return null;
        }

        var position = 0;
        try
        {
            var condition = ParseOr(tokens, ref position);
            if (position != tokens.Count)
            {
                throw new FormatException($"unexpected '{tokens[position]}'");
            }

            return condition;
        }
        catch (FormatException e)
        {
            reason = $"condition '{text}': {e.Message}";
            return null;
        }
    }

    private static Condition ParseOr(List<string> tokens, ref int position)
    {
        var left = ParseAnd(tokens, ref position);
        while (Is(tokens, position, "or"))
        {
            position++;
            left = new Condition.Disjunction(left, ParseAnd(tokens, ref position));
        }

        return left;
    }

    private static Condition ParseAnd(List<string> tokens, ref int position)
    {
        var left = ParseNot(tokens, ref position);
        while (Is(tokens, position, "and"))
        {
            position++;
            left = new Condition.Conjunction(left, ParseNot(tokens, ref position));
        }

        return left;
    }

    private static Condition ParseNot(List<string> tokens, ref int position)
    {
        if (Is(tokens, position, "not"))
        {
            position++;
            return new Condition.Negation(ParseNot(tokens, ref position));
        }

        return ParsePrimary(tokens, ref position);
    }

    private static Condition ParsePrimary(List<string> tokens, ref int position)
    {
        if (position >= tokens.Count)
        {
            throw new FormatException("it ends too early");
        }

        var token = tokens[position];
        if (token == "(")
        {
            position++;
            var inner = ParseOr(tokens, ref position);
            if (!Is(tokens, position, ")"))
            {
                throw new FormatException("a '(' is not closed");
            }

            position++;
            return inner;
        }

        if ((token is "1" or "all" or "any" || int.TryParse(token, out _)) && Is(tokens, position + 1, "of"))
        {
            if (position + 2 >= tokens.Count || IsKeyword(tokens[position + 2]))
            {
                throw new FormatException($"'{token} of' needs a name, a name pattern or 'them'");
            }

            var pattern = tokens[position + 2];
            position += 3;
            return new Condition.Quantified(token == "all", pattern);
        }

        if (IsKeyword(token) || token == ")")
        {
            throw new FormatException($"unexpected '{token}'");
        }

        position++;
        return new Condition.Reference(token);
    }

    private static bool IsKeyword(string token) => token is "and" or "or" or "not" or "of" or "(" or ")";

    private static bool Is(List<string> tokens, int position, string keyword) =>
        position < tokens.Count && string.Equals(tokens[position], keyword, StringComparison.Ordinal);

    [GeneratedRegex(@"\(|\)|[A-Za-z0-9_*?.\-]+")]
    private static partial Regex Token();
}
