using Storyline.Extraction;

namespace Storyline.Tests.Extraction;

public sealed class DateParserTests
{
    [Fact]
    public void Iso_date_has_date_precision()
    {
        var time = DateParser.Parse("2025-06-07")!.Value;

        Assert.Equal(TimePrecision.Date, time.Precision);
        Assert.False(time.ZoneKnown);
        Assert.Equal("2025-06-07", time.ToString());
        Assert.Equal(new DateTimeOffset(2025, 6, 7, 0, 0, 0, TimeSpan.Zero), time.Utc);
    }

    [Fact]
    public void Iso_time_with_offset_is_converted_to_utc()
    {
        var time = DateParser.Parse("2025-06-07T07:46:00+02:00")!.Value;

        Assert.Equal(TimePrecision.Time, time.Precision);
        Assert.True(time.ZoneKnown);
        Assert.Equal("2025-06-07T05:46:00Z", time.ToString());
        Assert.Equal(TimeSpan.Zero, time.Utc.Offset);
        Assert.Equal("2025-06-07T07:46:00+02:00", time.Original);
    }

    [Theory]
    [InlineData("2025-06-07T07:46:00Z", "2025-06-07T07:46:00Z")]
    [InlineData("2025-06-07T07:46:00-0530", "2025-06-07T13:16:00Z")]
    [InlineData("2025-06-07 23:30+01", "2025-06-07T22:30:00Z")]
    [InlineData("2025-06-07T00:30:00+02:00", "2025-06-06T22:30:00Z")]
    [InlineData("2014-03-10T16:52:50.698000Z", "2014-03-10T16:52:50Z")]
    [InlineData("  2025-06-07T07:46:00Z  ", "2025-06-07T07:46:00Z")]
    public void Iso_forms_with_a_zone(string text, string expected)
    {
        var time = DateParser.Parse(text)!.Value;

        Assert.True(time.ZoneKnown);
        Assert.Equal(expected, time.ToString());
    }

    [Theory]
    [InlineData("Jun 7, 2025 - 07:46", "2025-06-07T07:46:00")]
    [InlineData("2025-06-07T07:46", "2025-06-07T07:46:00")]
    [InlineData("2025-06-07 07:46:59", "2025-06-07T07:46:59")]
    [InlineData("June 7, 2025 7:46 PM", "2025-06-07T19:46:00")]
    [InlineData("7 June 2025 19:46", "2025-06-07T19:46:00")]
    public void Times_without_a_zone_stay_zoneless(string text, string expected)
    {
        var time = DateParser.Parse(text)!.Value;

        Assert.Equal(TimePrecision.Time, time.Precision);
        Assert.False(time.ZoneKnown);
        Assert.Equal(expected, time.ToString());
    }

    [Theory]
    [InlineData("Sat, 07 Jun 2025 07:46:00 GMT", "2025-06-07T07:46:00Z")]
    [InlineData("Sat, 7 Jun 2025 07:46:00 +0200", "2025-06-07T05:46:00Z")]
    [InlineData("Sat, 07 Jun 2025 07:46:00 EST", "2025-06-07T12:46:00Z")]
    [InlineData("Sat, 07 Jun 2025 07:46:00 PDT", "2025-06-07T14:46:00Z")]
    [InlineData("07 Jun 2025 07:46:00 UTC", "2025-06-07T07:46:00Z")]
    public void Rfc_822_feed_dates(string text, string expected)
    {
        var time = DateParser.Parse(text)!.Value;

        Assert.True(time.ZoneKnown);
        Assert.Equal(expected, time.ToString());
    }

    [Theory]
    [InlineData("June 7, 2025")]
    [InlineData("Jun 7, 2025")]
    [InlineData("7 June 2025")]
    [InlineData("6/7/2025")]
    [InlineData("2025/06/07")]
    [InlineData("20250607")]
    public void English_and_compact_dates_have_date_precision(string text)
    {
        var time = DateParser.Parse(text)!.Value;

        Assert.Equal(TimePrecision.Date, time.Precision);
        Assert.Equal("2025-06-07", time.ToString());
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("yesterday afternoon")]
    [InlineData("not a date at all")]
    [InlineData("2025-13-01")]
    [InlineData("2025-02-30")]
    [InlineData("2025-06-07T24:00")]
    [InlineData("2025-06-07T07:60")]
    [InlineData("2025-06-07T07:46:00+15:00")]
    [InlineData("3000-01-01")]
    [InlineData("3000-06-07T07:46:00Z")]
    [InlineData("1899-12-31")]
    [InlineData("Jun 7, 3000")]
    public void Garbage_and_out_of_range_give_null(string? text)
    {
        Assert.Null(DateParser.Parse(text));
    }

    [Fact]
    public void Very_long_input_gives_null()
    {
        Assert.Null(DateParser.Parse("2025-06-07" + new string(' ', 200)));
    }

    [Theory]
    [InlineData("2025-06-07")]
    [InlineData("2025-06-07T05:46:00Z")]
    [InlineData("2025-06-07T07:46:00")]
    public void ToString_output_parses_back_to_itself(string iso)
    {
        var time = PublishedTime.Parse(iso)!.Value;

        Assert.Equal(iso, time.ToString());
        Assert.Equal(iso, PublishedTime.Parse(time.ToString())!.Value.ToString());
    }

    [Fact]
    public void Zoneless_time_keeps_its_clock_reading_regardless_of_offset_passed()
    {
        var time = new PublishedTime(new DateTimeOffset(2025, 6, 7, 7, 46, 0, TimeSpan.FromHours(5)), TimePrecision.Time, zoneKnown: false, "x");

        Assert.Equal("2025-06-07T07:46:00", time.ToString());
    }

    [Fact]
    public void Date_precision_never_claims_a_zone()
    {
        var time = new PublishedTime(new DateTimeOffset(2025, 6, 7, 0, 0, 0, TimeSpan.Zero), TimePrecision.Date, zoneKnown: true, "x");

        Assert.False(time.ZoneKnown);
        Assert.Equal("2025-06-07", time.ToString());
    }
}
