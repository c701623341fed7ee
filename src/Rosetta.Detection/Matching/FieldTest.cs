using System.Globalization;
using System.Text.RegularExpressions;
using Rosetta.Detection.Fields;
using YamlDotNet.RepresentationModel;

namespace Rosetta.Detection.Matching;

/// <summary>
/// Compiles one <c>Field|modifier...: value(s)</c> of a Sigma selection into a test on a record. A list of values
/// is any of them (all of them with <c>all</c>). What cannot be compiled is returned as the reason.
/// </summary>
internal static class FieldTest
{
    private static readonly TimeSpan RegexTimeout = TimeSpan.FromMilliseconds(250);

    private static readonly HashSet<string> Known = new(StringComparer.Ordinal)
    {
        "contains", "startswith", "endswith", "all", "re", "i", "m", "s", "cidr", "windash", "base64", "base64offset",
        "utf16le", "utf16be", "utf16", "wide", "exists", "cased", "neq", "lt", "lte", "gt", "gte", "fieldref",
    };

    /// <summary>The test, or null with <paramref name="reason"/>.</summary>
    /// <param name="modifiers">The modifiers after the field name, in order.</param>
    /// <param name="value">The YAML value: a scalar, a list of scalars, or null.</param>
    /// <param name="field">Reads the field from a record.</param>
    /// <param name="resolve">Reads another Sigma field (for fieldref); null when the category does not map it.</param>
    /// <param name="reason">Why it cannot be compiled.</param>
    public static Func<EventView, bool>? Compile(IReadOnlyList<string> modifiers, YamlNode value, Func<EventView, string?> field, Func<string, Func<EventView, string?>?> resolve, out string? reason)
    {
        reason = null;
        if (modifiers.FirstOrDefault(m => !Known.Contains(m)) is { } unknown)
        {
            reason = $"unknown modifier '{unknown}'";
            return null;
        }

        var values = value switch
        {
            YamlSequenceNode list => list.Children.ToList(),
            _ => [value],
        };
        if (values.Any(v => v is not YamlScalarNode))
        {
            reason = "a field's values are single values or a list of them";
            return null;
        }

        var scalars = values.Cast<YamlScalarNode>().Select(s => IsNull(s) ? null : s.Value ?? "").ToList();
        var has = modifiers.ToHashSet(StringComparer.Ordinal);
        Func<EventView, bool>[] tests;
        if (has.Contains("exists"))
        {
            var wanted = scalars.Count == 1 && bool.TryParse(scalars[0], out var w) ? w : true;
            return e => field(e) is not null == wanted;
        }

        if (has.Contains("fieldref"))
        {
            var others = scalars.Select(s => s is null ? null : resolve(s)).ToList();
            if (others.Any(o => o is null))
            {
                reason = $"fieldref to a field the category does not map: {string.Join(", ", scalars)}";
                return null;
            }

            tests = [.. others.Select(o => (Func<EventView, bool>)(e => field(e) is { } a && o!(e) is { } b && string.Equals(a, b, StringComparison.OrdinalIgnoreCase)))];
        }
        else if (has.Contains("cidr"))
        {
            var networks = new List<Cidr>();
            foreach (var text in scalars)
            {
                if (text is null || !Cidr.TryParse(text, out var cidr))
                {
                    reason = $"'{text}' is not a CIDR network";
                    return null;
                }

                networks.Add(cidr!);
            }

            // One test for the list: the address is parsed once, then tried against every network.
            var all = networks.ToArray();
            var any = has.Contains("all")
                ? (Func<EventView, bool>)(e => field(e) is { } ip && Cidr.TryAddress(ip, out var bytes, out var length) && Array.TrueForAll(all, n => n.Contains(bytes, length)))
                : e => field(e) is { } ip && Cidr.TryAddress(ip, out var bytes, out var length) && ContainsAny(all, bytes, length);
            return has.Contains("neq") ? e => field(e) is not null && !any(e) : any;
        }
        else if (has.Overlaps(["lt", "lte", "gt", "gte"]))
        {
            var op = modifiers.First(m => m is "lt" or "lte" or "gt" or "gte");
            var bounds = new List<double>();
            foreach (var text in scalars)
            {
                if (!double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var bound))
                {
                    reason = $"'{op}' needs a number, not '{text}'";
                    return null;
                }

                bounds.Add(bound);
            }

            tests = [.. bounds.Select(b => (Func<EventView, bool>)(e => field(e) is { } text
                && double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var x)
                && op switch { "lt" => x < b, "lte" => x <= b, "gt" => x > b, _ => x >= b }))];
        }
        else if (has.Contains("re"))
        {
            var options = RegexOptions.CultureInvariant | (has.Contains("i") ? RegexOptions.IgnoreCase : 0)
                | (has.Contains("m") ? RegexOptions.Multiline : 0) | (has.Contains("s") ? RegexOptions.Singleline : 0);
            var regexes = new List<Regex>();
            foreach (var text in scalars)
            {
                if (Regex(text ?? "", options, out var why) is not { } regex)
                {
                    reason = why;
                    return null;
                }

                regexes.Add(regex);
            }

            tests = [.. regexes.Select(r => (Func<EventView, bool>)(e => field(e) is { } text && Matches(r, text)))];
        }
        else
        {
            // any of the values: one test for the whole list (a set or a multi-string search for long plain lists);
            // all of them: a test per value.
            tests = has.Contains("all")
                ? [.. scalars.Select(s => StringTest([s], modifiers, has, field))]
                : [StringTest(scalars, modifiers, has, field)];
        }

        var negate = has.Contains("neq");
        Func<EventView, bool> combined = tests.Length == 1 ? tests[0]
            : has.Contains("all") ? e => Array.TrueForAll(tests, t => t(e)) : e => AnyOf(tests, e);
        return negate ? e => field(e) is not null && !combined(e) : combined;
    }

    /// <summary>A YAML null: <c>null</c>, <c>~</c> or nothing, unquoted.</summary>
    public static bool IsNull(YamlScalarNode scalar) =>
        scalar.Style is YamlDotNet.Core.ScalarStyle.Plain or YamlDotNet.Core.ScalarStyle.Any && scalar.Value is null or "" or "null" or "Null" or "NULL" or "~";

    /// <summary>True when the field's text matches any of <paramref name="values"/> (null: the field is absent).</summary>
    private static Func<EventView, bool> StringTest(IReadOnlyList<string?> values, IReadOnlyList<string> modifiers, HashSet<string> has, Func<EventView, string?> field)
    {
        var positional = has.Overlaps(["contains", "startswith", "endswith"]);
        var absent = values.Any(v => v is null || (v.Length == 0 && !positional)); // the engine drops empty values, so '' and absent are one
        var present = values.Where(v => v is not null && (v.Length > 0 || positional)).Select(v => v!).ToList();
        if (present.Count == 0)
        {
            return e => string.IsNullOrEmpty(field(e));
        }

        var test = TextTest(present, modifiers, has, field);
        return absent ? e => string.IsNullOrEmpty(field(e)) || test(e) : test;
    }

    private static Func<EventView, bool> TextTest(List<string> values, IReadOnlyList<string> modifiers, HashSet<string> has, Func<EventView, string?> field)
    {
        // Transformations in the order written, each turning one value into the texts to look for.
        IEnumerable<string> texts = values;
        var encoding = modifiers.LastOrDefault(m => m is "utf16le" or "utf16be" or "utf16" or "wide");
        var literal = false;
        foreach (var modifier in modifiers)
        {
            switch (modifier)
            {
                case "windash":
                    texts = texts.SelectMany(ValueTransforms.WindowsDash);
                    break;
                case "base64":
                    texts = texts.Select(t => ValueTransforms.Base64(ValueTransforms.Encode(t, encoding)));
                    literal = true;
                    break;
                case "base64offset":
                    texts = texts.SelectMany(t => ValueTransforms.Base64Offsets(ValueTransforms.Encode(t, encoding)));
                    literal = true;
                    break;
            }
        }

        var cased = has.Contains("cased");
        var before = has.Contains("contains") || has.Contains("endswith");
        var after = has.Contains("contains") || has.Contains("startswith");
        var patterns = texts.Select(t => literal ? Wildcard.Escape(t) : t).ToList();
        if (patterns.Count > 4 && !patterns.Any(Wildcard.HasWildcards) && (before == after))
        {
            // Long lists of plain values (SigmaHQ's domain and port lists): one set lookup or one multi-string search.
            var plain = patterns.Select(Wildcard.Unescape).ToArray();
            var comparison = cased ? StringComparison.Ordinal : StringComparison.OrdinalIgnoreCase;
            if (!before)
            {
                var set = plain.ToHashSet(cased ? StringComparer.Ordinal : StringComparer.OrdinalIgnoreCase);
                return e => field(e) is { } text && set.Contains(text);
            }

            var search = System.Buffers.SearchValues.Create(plain, comparison);
            return e => field(e) is { } text && text.AsSpan().ContainsAny(search);
        }

        var compiled = patterns.Select(p => Wildcard.Compile(p, cased, before, after)).ToArray();
        if (compiled.Length == 1)
        {
            var single = compiled[0];
            return e => field(e) is { } text && single(text);
        }

        return e => field(e) is { } text && AnyOf(compiled, text);
    }

    private static bool AnyOf<T>(Func<T, bool>[] tests, T value)
    {
        foreach (var test in tests)
        {
            if (test(value))
            {
                return true;
            }
        }

        return false;
    }

    private static bool ContainsAny(Cidr[] networks, Cidr.Address bytes, int length)
    {
        foreach (var network in networks)
        {
            if (network.Contains(bytes, length))
            {
                return true;
            }
        }

        return false;
    }

    private static Regex? Regex(string pattern, RegexOptions options, out string? reason)
    {
        reason = null;
        try
        {
            return new Regex(pattern, options | RegexOptions.NonBacktracking);
        }
        catch (NotSupportedException)
        {
            // Backreferences and lookarounds need the backtracking engine; a timeout keeps a hostile pattern from hanging a run.
        }
        catch (ArgumentException e)
        {
            reason = $"bad regular expression '{pattern}': {e.Message}";
            return null;
        }

        return new Regex(pattern, options, RegexTimeout);
    }

    private static bool Matches(Regex regex, string text)
    {
        try
        {
            return regex.IsMatch(text);
        }
        catch (RegexMatchTimeoutException)
        {
            return false;
        }
    }
}
