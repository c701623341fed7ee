namespace Rosetta.Storage.ClickHouse.Http;

/// <summary>The value of an HTTP Basic <c>Authorization</c> header (base64 of user:password).</summary>
internal sealed record AuthenticationHeader(string Base64)
{
    /// <summary>Never the credentials.</summary>
    public override string ToString() => "Basic ***";
}
