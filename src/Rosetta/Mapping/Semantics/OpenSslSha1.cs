using System.Runtime.InteropServices;

namespace Rosetta.Mapping.Semantics;

/// <summary>
/// OpenSSL's SHA-1 block function, <c>SHA1_Transform</c>, which uses the CPU's SHA instructions where there are
/// some: about 40 ns a block, against 200 for <see cref="ShortSha1"/>'s managed rounds (.NET has no SHA intrinsics,
/// and its SHA1 class reaches OpenSSL through EVP, whose setup per call costs more than the hash). libcrypto is
/// there wherever .NET's cryptography runs on Linux; where it is not, <see cref="IsAvailable"/> is false and the
/// managed rounds run. The only unsafe code in Rosetta: a function pointer and the spans it is given, pinned.
/// </summary>
internal static unsafe class OpenSslSha1
{
    /// <summary>The words of OpenSSL's SHA_CTX; the first five are the hash state the block function updates.</summary>
    public const int ContextWords = 24;

    private static readonly delegate* unmanaged[SuppressGCTransition]<uint*, byte*, void> Transform = Load();

    public static bool IsAvailable => Transform != null;

    /// <summary>Runs one 64-byte <paramref name="block"/> into the state at the start of <paramref name="context"/> (<see cref="ContextWords"/> long).</summary>
    public static void Compress(Span<uint> context, ReadOnlySpan<byte> block)
    {
        if (!IsAvailable)
        {
            throw new InvalidOperationException("libcrypto's SHA1_Transform could not be loaded");
        }

        if (context.Length < ContextWords || block.Length < 64)
        {
            throw new ArgumentException($"SHA1_Transform needs a context of {ContextWords} words and a 64-byte block");
        }

        fixed (uint* state = context)
        fixed (byte* data = block)
        {
            Transform(state, data);
        }
    }

    private static delegate* unmanaged[SuppressGCTransition]<uint*, byte*, void> Load()
    {
        if (!OperatingSystem.IsLinux())
        {
            return null;
        }

        foreach (var name in new[] { "libcrypto.so.3", "libcrypto.so.1.1" })
        {
            if (NativeLibrary.TryLoad(name, out var library) && NativeLibrary.TryGetExport(library, "SHA1_Transform", out var transform))
            {
                return (delegate* unmanaged[SuppressGCTransition]<uint*, byte*, void>)transform;
            }
        }

        return null;
    }
}
