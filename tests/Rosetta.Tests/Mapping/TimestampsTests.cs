using System.Text;
using Rosetta.Mapping.Converters;
using Shouldly;
using Xunit;

namespace Rosetta.Tests.Mapping;

public class TimestampsTests
{
    [Theory]
    [InlineData("1571933515865", "2019-10-24T16:11:55.865Z")] // the seed's epoch-ms sample
    [InlineData("1571933515", "2019-10-24T16:11:55Z")]
    [InlineData("1571933515.865123", "2019-10-24T16:11:55.865123Z")] // Zeek ts
    [InlineData("1571933515865123", "2019-10-24T16:11:55.865123Z")]
    [InlineData("1571933515865123456", "2019-10-24T16:11:55.865123456Z")]
    [InlineData("2022-11-07T17:07:42.0259186Z", "2022-11-07T17:07:42.0259186Z")] // Defender, 7 digits kept
    [InlineData("2022-11-07T17:07:41.698868Z", "2022-11-07T17:07:41.698868Z")]
    [InlineData("2018-04-11 05:29:35.394", "2018-04-11T05:29:35.394Z")] // Sysmon UtcTime, no zone means UTC
    [InlineData("2019-10-24T18:11:55.865+02:00", "2019-10-24T16:11:55.865Z")]
    [InlineData("2019-10-24T00:30:00-0130", "2019-10-24T02:00:00Z")]
    [InlineData("2020-01-01T00:30:00+01", "2019-12-31T23:30:00Z")]
    [InlineData("4/11/18 5:25", "2018-04-11T05:25:00Z")] // the seed's sample value format
    [InlineData("10/24/2019 4:11:55 PM", "2019-10-24T16:11:55Z")]
    [InlineData("12/31/1999 12:00 AM", "1999-12-31T00:00:00Z")]
    [InlineData("2024-02-29", "2024-02-29T00:00:00Z")]
    [InlineData("0001-01-01T00:00:00Z", "0001-01-01T00:00:00Z")]
    [InlineData("9999-12-31T23:59:59.999999999Z", "9999-12-31T23:59:59.999999999Z")]
    [InlineData("2016-12-31T23:59:60Z", "2017-01-01T00:00:00Z")] // a leap second is not copied as written
    [InlineData("2019-10-24t16:11:55.5z", "2019-10-24T16:11:55.5Z")]
    [InlineData("2019-10-24T16:11:55,5Z", "2019-10-24T16:11:55.5Z")]
    [InlineData("2019-10-24T16:11Z", "2019-10-24T16:11:00Z")]
    [InlineData("2019-10-24T16:11:55+00:00", "2019-10-24T16:11:55Z")]
    [InlineData("-1000", null)] // short number: not a timestamp unit we know
    [InlineData("2019-02-29T00:00:00Z", null)]
    [InlineData("2019-13-01T00:00:00Z", null)]
    [InlineData("2019-10-24T16:11:55.865Zjunk", null)]
    [InlineData("yesterday", null)]
    [InlineData("1571933515865.5", null)]
    [InlineData("", null)]
    [InlineData("13/1/19 1:00", null)]
    public void Formats_vendor_timestamps_as_iso_utc(string input, string? expected)
    {
        Span<byte> output = stackalloc byte[Timestamps.MaxLength];
        var ok = Timestamps.TryFormat(Encoding.UTF8.GetBytes(input), output, out var written);

        (ok ? Encoding.UTF8.GetString(output[..written]) : null).ShouldBe(expected);
    }
}
