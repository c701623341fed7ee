namespace Rosetta.Sources;

/// <summary>Passes reads through and reports how many bytes were read, for progress on long runs.</summary>
internal sealed class ProgressStream(Stream inner, Action<long>? report) : ReadOnlyStream
{
    public override int Read(Span<byte> buffer)
    {
        var n = inner.Read(buffer);
        report?.Invoke(n);
        return n;
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            inner.Dispose();
        }

        base.Dispose(disposing);
    }
}
