using System.Text;
using System.Text.RegularExpressions;

namespace Rosetta.Detection.Fields;

/// <summary>Where a Sigma field's value comes from in a normalized record (one line of a category's data file).</summary>
public abstract partial record FieldSource
{
    /// <summary>The standard names it reads.</summary>
    public abstract IEnumerable<string> Names { get; }

    /// <summary>Binds it to <paramref name="names"/>: a function from a record to the field's text, or null when absent.</summary>
    public abstract Func<EventView, string?> Bind(NameTable names);

    /// <summary>One standard name.</summary>
    public sealed record Name(string StandardName) : FieldSource
    {
        /// <inheritdoc/>
        public override IEnumerable<string> Names => [StandardName];

        /// <inheritdoc/>
        public override Func<EventView, string?> Bind(NameTable names)
        {
            var ordinal = names.Add(StandardName);
            return e => e[ordinal];
        }
    }

    /// <summary>The first of several that the record has.</summary>
    public sealed record FirstOf(IReadOnlyList<FieldSource> Choices) : FieldSource
    {
        /// <inheritdoc/>
        public override IEnumerable<string> Names => Choices.SelectMany(c => c.Names);

        /// <inheritdoc/>
        public override Func<EventView, string?> Bind(NameTable names)
        {
            var bound = Choices.Select(c => c.Bind(names)).ToArray();
            return e =>
            {
                foreach (var choice in bound)
                {
                    if (choice(e) is { } value)
                    {
                        return value;
                    }
                }

                return null;
            };
        }
    }

    /// <summary>A template of <c>{name}</c>s, when the record has every one.</summary>
    public sealed record Format(string Template) : FieldSource
    {
        /// <inheritdoc/>
        public override IEnumerable<string> Names => Placeholder().Matches(Template).Select(m => m.Groups[1].Value);

        /// <inheritdoc/>
        public override Func<EventView, string?> Bind(NameTable names)
        {
            var pieces = Placeholder().Split(Template); // literal, name, literal, name, ...
            var ordinals = pieces.Select((p, i) => i % 2 == 1 ? names.Add(p) : -1).ToArray();
            return e =>
            {
                var text = new StringBuilder();
                for (var i = 0; i < pieces.Length; i++)
                {
                    if (i % 2 == 0)
                    {
                        text.Append(pieces[i]);
                    }
                    else if (e[ordinals[i]] is { } value)
                    {
                        text.Append(value);
                    }
                    else
                    {
                        return null;
                    }
                }

                return text.ToString();
            };
        }
    }

    /// <summary>The parts the record has, joined by <paramref name="Separator"/>; null when it has none.</summary>
    public sealed record Join(string Separator, IReadOnlyList<Format> Parts) : FieldSource
    {
        /// <inheritdoc/>
        public override IEnumerable<string> Names => Parts.SelectMany(p => p.Names);

        /// <inheritdoc/>
        public override Func<EventView, string?> Bind(NameTable names)
        {
            var bound = Parts.Select(p => p.Bind(names)).ToArray();
            return e =>
            {
                var present = bound.Select(p => p(e)).Where(v => v is not null).ToList();
                return present.Count == 0 ? null : string.Join(Separator, present);
            };
        }
    }

    /// <summary><c>true</c> when the record's name has the value, <c>false</c> when it has another, null when it has none.</summary>
    public sealed record EqualsValue(string StandardName, string Value) : FieldSource
    {
        /// <inheritdoc/>
        public override IEnumerable<string> Names => [StandardName];

        /// <inheritdoc/>
        public override Func<EventView, string?> Bind(NameTable names)
        {
            var ordinal = names.Add(StandardName);
            return e => e[ordinal] is { } value ? (string.Equals(value, Value, StringComparison.OrdinalIgnoreCase) ? "true" : "false") : null;
        }
    }

    [GeneratedRegex(@"\{([A-Za-z0-9_]+)\}")]
    private static partial Regex Placeholder();
}
