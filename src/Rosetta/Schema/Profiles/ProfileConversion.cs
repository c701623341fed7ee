namespace Rosetta.Schema.Profiles;

/// <summary>How a standard value changes type on its way into a target schema.</summary>
public enum ProfileConversion
{
    /// <summary>As the standard name's type has it (ports stay numbers, dates ISO-8601 text).</summary>
    Same,

    /// <summary>As text: a number becomes a string (ECS network.iana_number is a keyword).</summary>
    String,

    /// <summary>A date as whole milliseconds since the Unix epoch (OCSF <c>time</c>).</summary>
    EpochMilliseconds,
}
