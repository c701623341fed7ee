namespace Rosetta.Storage.ClickHouse.Dialects;

/// <summary>What part of a standard name's value a column holds.</summary>
public enum ColumnRole
{
    /// <summary>The value itself.</summary>
    Value,

    /// <summary>A time to the second (<c>DateTime</c>), beside a <see cref="Milliseconds"/> column (18.16, which has no DateTime64).</summary>
    Seconds,

    /// <summary>The milliseconds of a <see cref="Seconds"/> column's time, 0 to 999.</summary>
    Milliseconds,

    /// <summary>A time to the millisecond in one column (<c>DateTime64(3)</c>).</summary>
    Time64,
}
