namespace Rosetta.Schema;

/// <summary>The standard text of each <see cref="NetworkDirection"/>, as records and overlays write it.</summary>
public static class NetworkDirections
{
    /// <summary><c>inbound</c>, <c>outbound</c> ...</summary>
    public static string Name(NetworkDirection direction) => direction switch
    {
        NetworkDirection.Inbound => "inbound",
        NetworkDirection.Outbound => "outbound",
        NetworkDirection.Local => "local",
        NetworkDirection.Listening => "listening",
        _ => "unknown",
    };

    /// <summary>Reads a standard direction name; false for anything else.</summary>
    public static bool TryParse(string? text, out NetworkDirection direction)
    {
        direction = text switch
        {
            "inbound" => NetworkDirection.Inbound,
            "outbound" => NetworkDirection.Outbound,
            "local" => NetworkDirection.Local,
            "listening" => NetworkDirection.Listening,
            "unknown" => NetworkDirection.Unknown,
            _ => (NetworkDirection)(-1),
        };
        return direction >= 0;
    }
}
