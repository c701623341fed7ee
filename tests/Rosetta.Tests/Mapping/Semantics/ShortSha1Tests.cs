using System.Security.Cryptography;
using Rosetta.Mapping.Semantics;
using Shouldly;
using Xunit;

namespace Rosetta.Tests.Mapping.Semantics;

/// <summary>
/// The SHA-1 Community ID uses gives .NET's digests, at every length around the block boundaries, by OpenSSL's block
/// function and by the managed rounds.
/// </summary>
public class ShortSha1Tests
{
    [Fact]
    public void OpenSsl_s_block_function_is_found_on_linux() =>
        OpenSslSha1.IsAvailable.ShouldBe(OperatingSystem.IsLinux());

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void Equals_dotnet_s_sha1_for_every_length_up_to_four_blocks(bool managed)
    {
        var random = new Random(20261122);
        for (var length = 0; length <= 256; length++)
        {
            var message = new byte[length];
            random.NextBytes(message);
            var digest = new byte[ShortSha1.Size];

            ShortSha1.Hash(message, digest, managed);

#pragma warning disable CA5350 // the reference the managed code is checked against
            digest.ShouldBe(SHA1.HashData(message), $"length {length}");
#pragma warning restore CA5350
        }
    }
}
