using System.Text;

namespace Rosetta.Schema;

/// <summary>The standard text of each <see cref="NetworkDirection"/>, as records and overlays write it.</summary>
public static class NetworkDirections
{
    /// <summary><c>inbound</c>, <c>outbound</c> ... as UTF-8, for the engine's writers.</summary>
    public static ReadOnlySpan<byte> Utf8Name(NetworkDirection direction) => direction switch
    {
        NetworkDirection.Inbound => "inbound"u8,
        NetworkDirection.Outbound => "outbound"u8,
        NetworkDirection.Local => "local"u8,
        NetworkDirection.Listening => "listening"u8,
        NetworkDirection.Internal => "internal"u8,
        NetworkDirection.External => "external"u8,
        _ => "unknown"u8,
    };

    /// <summary><c>inbound</c>, <c>outbound</c> ...</summary>
    public static string Name(NetworkDirection direction) => Encoding.UTF8.GetString(Utf8Name(direction));

    /// <summary>Reads a standard direction name; false for anything else.</summary>
    public static bool TryParse(ReadOnlySpan<byte> text, out NetworkDirection direction)
    {
        for (direction = NetworkDirection.Unknown; direction <= NetworkDirection.External; direction++)
        {
            if (text.SequenceEqual(Utf8Name(direction)))
            {
                return true;
            }
        }

        direction = NetworkDirection.Unknown;
        return false;
    }

    /// <summary>Reads a standard direction name; false for anything else.</summary>
    public static bool TryParse(string? text, out NetworkDirection direction)
    {
        direction = NetworkDirection.Unknown;
        return text is not null && TryParse(Encoding.UTF8.GetBytes(text), out direction);
    }
}
