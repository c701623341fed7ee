using System.Globalization;
using System.Text;

namespace Rosetta.Storage.ClickHouse.Hunting;

/// <summary>
/// Puts a hunt's <c>:NAME</c> parameters into its SQL as literals, since ClickHouse 18.16 has no server-side parameters:
/// a whole or real number as it is, anything else as a quoted, escaped string. Quoted strings, quoted names and
/// comments are left alone.
/// </summary>
public static class ParameterBinder
{
    /// <summary>The SQL with every <c>:NAME</c> replaced by the literal of its value.</summary>
    /// <exception cref="StoreException">The SQL uses a parameter with no value.</exception>
    public static string Bind(string sql, IReadOnlyDictionary<string, string> values)
    {
        var bound = new StringBuilder(sql.Length);
        for (var i = 0; i < sql.Length;)
        {
            var c = sql[i];
            if (c is '\'' or '"' or '`')
            {
                var end = QuotedEnd(sql, i);
                bound.Append(sql, i, end - i);
                i = end;
            }
            else if (c == '-' && i + 1 < sql.Length && sql[i + 1] == '-')
            {
                var end = sql.IndexOf('\n', i);
                end = end < 0 ? sql.Length : end;
                bound.Append(sql, i, end - i);
                i = end;
            }
            else if (c == '/' && i + 1 < sql.Length && sql[i + 1] == '*')
            {
                var end = sql.IndexOf("*/", i + 2, StringComparison.Ordinal);
                end = end < 0 ? sql.Length : end + 2;
                bound.Append(sql, i, end - i);
                i = end;
            }
            else if (c == ':' && i + 1 < sql.Length && (char.IsAsciiLetter(sql[i + 1]) || sql[i + 1] == '_') && (i == 0 || sql[i - 1] != ':'))
            {
                var end = i + 1;
                while (end < sql.Length && (char.IsAsciiLetterOrDigit(sql[end]) || sql[end] == '_'))
                {
                    end++;
                }

                var name = sql[(i + 1)..end];
                if (!values.TryGetValue(name, out var value))
                {
                    throw new StoreException($"the query needs a value: :{name} (give it with --param {name}=VALUE)");
                }

                bound.Append(Literal(value));
                i = end;
            }
            else
            {
                bound.Append(c);
                i++;
            }
        }

        return bound.ToString();
    }

    /// <summary>A value as a ClickHouse literal.</summary>
    public static string Literal(string value) =>
        long.TryParse(value, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var whole) ? whole.ToString(CultureInfo.InvariantCulture)
        : double.TryParse(value, NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint | NumberStyles.AllowExponent, CultureInfo.InvariantCulture, out var real) && double.IsFinite(real)
            ? real.ToString("R", CultureInfo.InvariantCulture)
            : ClickHouseSchema.Literal(value);

    private static int QuotedEnd(string sql, int start)
    {
        var quote = sql[start];
        for (var i = start + 1; i < sql.Length; i++)
        {
            if (sql[i] == '\\')
            {
                i++;
            }
            else if (sql[i] == quote)
            {
                if (i + 1 < sql.Length && sql[i + 1] == quote)
                {
                    i++;
                    continue;
                }

                return i + 1;
            }
        }

        return sql.Length;
    }
}
