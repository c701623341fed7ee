namespace Rosetta.Sinks;

/// <summary>The non-empty lines of a batch of NDJSON, without their newlines: <c>foreach (var line in new NdjsonLines(batch))</c>.</summary>
public ref struct NdjsonLines(ReadOnlySpan<byte> batch)
{
    private ReadOnlySpan<byte> _rest = batch;

    /// <summary>The line the enumerator is at.</summary>
    public ReadOnlySpan<byte> Current { get; private set; }

    /// <summary>The number of <see cref="Current"/> in the batch, from 1, counting the empty lines skipped.</summary>
    public int Number { get; private set; }

    /// <summary>Itself: it is its own enumerator.</summary>
    public readonly NdjsonLines GetEnumerator() => this;

    /// <summary>Moves to the next non-empty line.</summary>
    public bool MoveNext()
    {
        while (!_rest.IsEmpty)
        {
            var newline = _rest.IndexOf((byte)'\n');
            Current = newline < 0 ? _rest : _rest[..newline];
            _rest = newline < 0 ? [] : _rest[(newline + 1)..];
            Number++;
            if (!Current.IsEmpty)
            {
                return true;
            }
        }

        return false;
    }
}
