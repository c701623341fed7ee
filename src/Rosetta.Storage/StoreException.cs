namespace Rosetta.Storage;

/// <summary>A store cannot be opened, written or queried; the message says why, for the user.</summary>
public sealed class StoreException : Exception
{
    /// <summary>Creates the exception.</summary>
    public StoreException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with its cause.</summary>
    public StoreException(string message, Exception inner)
        : base(message, inner)
    {
    }
}
