namespace Rosetta.Schema;

/// <summary>
/// Which way a connection goes, seen from the host that reported it. The standard values of
/// <c>network_direction</c>: a source's vocabulary (Defender's ActionType, SentinelOne's INCOMING) maps to these.
/// </summary>
public enum NetworkDirection
{
    /// <summary>The record does not say, or says something Rosetta does not know.</summary>
    Unknown,

    /// <summary>The remote side opened the connection to the reporting host.</summary>
    Inbound,

    /// <summary>The reporting host opened the connection.</summary>
    Outbound,

    /// <summary>Both ends are the same host (loopback, or the same address).</summary>
    Local,

    /// <summary>The reporting host opened a socket to accept connections; no peer yet.</summary>
    Listening,

    /// <summary>A network sensor saw both ends inside the network it watches (Zeek: local_orig and local_resp).</summary>
    Internal,

    /// <summary>A network sensor saw neither end inside the network it watches.</summary>
    External,
}
