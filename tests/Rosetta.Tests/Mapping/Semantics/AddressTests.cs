using System.Text;
using Rosetta.Mapping.Converters;
using Rosetta.Mapping.Semantics;
using Shouldly;
using Xunit;

namespace Rosetta.Tests.Mapping.Semantics;

public class AddressTests
{
    [Theory]
    [InlineData("8.8.8.8", "Public")]
    [InlineData("10.1.2.3", "Private")]
    [InlineData("172.16.0.1", "Private")]
    [InlineData("172.32.0.1", "Public")]
    [InlineData("192.168.1.1", "Private")]
    [InlineData("100.64.0.1", "Private")]
    [InlineData("127.0.0.1", "Loopback")]
    [InlineData("169.254.10.1", "LinkLocal")]
    [InlineData("224.0.0.251", "Multicast")]
    [InlineData("255.255.255.255", "Broadcast")]
    [InlineData("0.0.0.0", "Reserved")]
    [InlineData("240.0.0.1", "Reserved")]
    [InlineData("192.0.2.10", "Reserved")]
    [InlineData("::1", "Loopback")]
    [InlineData("::", "Reserved")]
    [InlineData("fe80::1", "LinkLocal")]
    [InlineData("fd12:3456::1", "Private")]
    [InlineData("ff02::fb", "Multicast")]
    [InlineData("2001:0:4136:e378:8000:63bf:3fff:fdd2", "Teredo")]
    [InlineData("::ffff:10.0.0.1", "FourToSixMapping")]
    [InlineData("2002:c000:204::1", "FourToSixMapping")]
    [InlineData("2001:db8::1", "Reserved")]
    [InlineData("2a02:cf40::", "Public")]
    public void Addresses_are_classified_in_Defenders_vocabulary(string address, string expected)
    {
        Span<byte> bytes = stackalloc byte[16];
        var length = IpBytes.Parse(Encoding.ASCII.GetBytes(address), bytes);
        length.ShouldBeOneOf(4, 16);
        Encoding.ASCII.GetString(IpClassifier.Classify(bytes[..length])).ShouldBe(expected);
    }

    [Theory]
    [InlineData("1.2.3")]
    [InlineData("1.2.3.256")]
    [InlineData("1:2:3")]
    [InlineData("1::2::3")]
    [InlineData("12345::1")]
    [InlineData("")]
    [InlineData("::g")]
    public void Text_that_is_not_an_address_is_not_parsed(string text)
    {
        Span<byte> bytes = stackalloc byte[16];
        IpBytes.Parse(Encoding.ASCII.GetBytes(text), bytes).ShouldBe(0);
    }

    [Theory]
    [InlineData("TcpV4", "tcp")]
    [InlineData("TcpV6", "tcp")]
    [InlineData("Tcp", "tcp")]
    [InlineData("TCP", "tcp")]
    [InlineData("6", "tcp")]
    [InlineData("Udp", "udp")]
    [InlineData("17", "udp")]
    [InlineData("Icmp", "icmp")]
    [InlineData("IcmpV6", "ipv6-icmp")]
    [InlineData("58", "ipv6-icmp")]
    [InlineData("200", "200")]
    [InlineData("Unknown", "unknown")]
    public void Protocols_become_their_IANA_keyword(string vendor, string expected)
    {
        Protocols.Format(vendor).ShouldBe(expected);
    }

    [Theory]
    [InlineData("tcp", 6)]
    [InlineData("udp", 17)]
    [InlineData("ipv6-icmp", 58)]
    [InlineData("200", 200)]
    [InlineData("unknown", -1)]
    public void Protocol_keywords_have_their_IANA_number(string keyword, int number)
    {
        Protocols.NumberOf(Encoding.ASCII.GetBytes(keyword)).ShouldBe(number);
    }
}
