using System.Text;
using Rosetta.Mapping.Converters;
using Shouldly;
using Xunit;

namespace Rosetta.Tests.Mapping;

public class IpAddressesTests
{
    [Theory]
    [InlineData("10.115.32.249", "10.115.32.249")]
    [InlineData("010.001.000.255", "10.1.0.255")]
    [InlineData("0.0.0.0", "0.0.0.0")]
    [InlineData("255.255.255.255", "255.255.255.255")]
    [InlineData("1.2.3.04", "1.2.3.4")]
    [InlineData("1.2.3.", null)]
    [InlineData("1..2.3", null)]
    [InlineData("1.2.3.1000", null)]
    [InlineData("::ffff:10.1.2.3", "10.1.2.3")] // IPv4-mapped
    [InlineData("::FFFF:0A01:0203", "10.1.2.3")]
    [InlineData("2A02:CF40:0000:0000:0000:0000:0000:0001", "2a02:cf40::1")] // RFC 5952
    [InlineData("2a02:cf40::", "2a02:cf40::")]
    [InlineData("[fe80::1]", "fe80::1")]
    [InlineData(" 1.2.3.4 ", "1.2.3.4")]
    [InlineData("-", null)]
    [InlineData("1.2.3", null)] // no legacy shorthand
    [InlineData("1.2.3.4.5", null)]
    [InlineData("256.1.1.1", null)]
    [InlineData("1.2.3.4:80", null)]
    [InlineData("localhost", null)]
    [InlineData("::g", null)]
    [InlineData("", null)]
    public void Reads_strictly_and_writes_canonical_text(string input, string? expected)
    {
        Span<byte> output = stackalloc byte[IpAddresses.MaxLength];
        var ok = IpAddresses.TryFormat(Encoding.UTF8.GetBytes(input), output, out var written);

        (ok ? Encoding.UTF8.GetString(output[..written]) : null).ShouldBe(expected);
    }
}
