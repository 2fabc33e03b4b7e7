using System.Globalization;
using System.Text.RegularExpressions;

namespace Storyline.Reading.Feeds;

/// <summary>
/// Dates as feeds write them: RFC 822 and its real-world variants (missing weekday, two-digit or full month names,
/// two-digit years, named zones such as EST, PDT or CET, RFC 850 and asctime forms), and ISO 8601 / W3C-DTF
/// (with or without separators, seconds, fractions or zone). A time without a zone is taken as UTC.
/// </summary>
internal static partial class FeedDates
{
    private static readonly Dictionary<string, int> ZoneMinutes = new(StringComparer.OrdinalIgnoreCase)
    {
        ["UT"] = 0, ["UTC"] = 0, ["GMT"] = 0, ["Z"] = 0, ["WET"] = 0,
        ["EST"] = -300, ["EDT"] = -240, ["CST"] = -360, ["CDT"] = -300, ["MST"] = -420, ["MDT"] = -360,
        ["PST"] = -480, ["PDT"] = -420, ["AKST"] = -540, ["AKDT"] = -480, ["HST"] = -600, ["AST"] = -240, ["ADT"] = -180,
        ["NST"] = -210, ["NDT"] = -150,
        ["BST"] = 60, ["IST"] = 330, ["CET"] = 60, ["CEST"] = 120, ["MET"] = 60, ["MEST"] = 120, ["WEST"] = 60,
        ["EET"] = 120, ["EEST"] = 180, ["MSK"] = 180, ["JST"] = 540, ["KST"] = 540, ["HKT"] = 480, ["SGT"] = 480,
        ["AWST"] = 480, ["ACST"] = 570, ["AEST"] = 600, ["AEDT"] = 660, ["NZST"] = 720, ["NZDT"] = 780,
    };

    private static readonly string[] Months = ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"];

    /// <summary>The instant <paramref name="value"/> names, or null when it is not a date this reads.</summary>
    public static DateTimeOffset? Parse(string? value)
    {
        if (string.IsNullOrWhiteSpace(value) || value.Length > 100)
        {
            return null;
        }

        var text = value.Trim();
        return Iso(text) ?? Rfc822(text) ?? Asctime(text) ?? Fallback(text);
    }

    private static DateTimeOffset? Iso(string text)
    {
        var m = IsoPattern().Match(text);
        if (!m.Success)
        {
            return null;
        }

        var year = Int(m.Groups["y"]);
        var month = m.Groups["mo"].Success ? Int(m.Groups["mo"]) : 1;
        var day = m.Groups["d"].Success ? Int(m.Groups["d"]) : 1;
        var hour = m.Groups["h"].Success ? Int(m.Groups["h"]) : 0;
        var minute = m.Groups["mi"].Success ? Int(m.Groups["mi"]) : 0;
        var second = m.Groups["s"].Success ? Int(m.Groups["s"]) : 0;
        var offset = m.Groups["z"].Success ? ZoneOffset(m.Groups["z"].Value) : 0;
        return offset is null ? null : Make(year, month, day, hour, minute, second, offset.Value);
    }

    private static DateTimeOffset? Rfc822(string text)
    {
        var m = Rfc822Pattern().Match(text);
        if (!m.Success)
        {
            return null;
        }

        var month = MonthNumber(m.Groups["mon"].Value);
        var year = Int(m.Groups["y"]);
        if (m.Groups["y"].Length <= 2)
        {
            year += year < 70 ? 2000 : 1900;
        }

        var hour = m.Groups["h"].Success ? Int(m.Groups["h"]) : 0;
        var minute = m.Groups["mi"].Success ? Int(m.Groups["mi"]) : 0;
        var second = m.Groups["s"].Success ? Int(m.Groups["s"]) : 0;
        if (m.Groups["ampm"].Success)
        {
            hour = (hour % 12) + (m.Groups["ampm"].Value.StartsWith('p') || m.Groups["ampm"].Value.StartsWith('P') ? 12 : 0);
        }

        var offset = m.Groups["z"].Success ? ZoneOffset(m.Groups["z"].Value) : 0;
        return month is null || offset is null ? null : Make(year, month.Value, Int(m.Groups["d"]), hour, minute, second, offset.Value);
    }

    private static DateTimeOffset? Asctime(string text)
    {
        var m = AsctimePattern().Match(text);
        if (!m.Success)
        {
            return null;
        }

        var month = MonthNumber(m.Groups["mon"].Value);
        var offset = m.Groups["z"].Success ? ZoneOffset(m.Groups["z"].Value) : 0;
        return month is null || offset is null
            ? null
            : Make(Int(m.Groups["y"]), month.Value, Int(m.Groups["d"]), IntOrZero(m.Groups["h"]), IntOrZero(m.Groups["mi"]), IntOrZero(m.Groups["s"]), offset.Value);
    }

    private static DateTimeOffset? Fallback(string text) =>
        DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AllowWhiteSpaces, out var parsed)
            ? parsed.ToUniversalTime()
            : null;

    private static int? MonthNumber(string name)
    {
        if (name.Length < 3)
        {
            return null;
        }

        var index = Array.IndexOf(Months, name[..3].ToLowerInvariant());
        return index < 0 ? null : index + 1;
    }

    /// <summary>Minutes east of UTC for "+0200", "-05:00", "+02", "GMT+2", "EST" or a military letter; null when unknown.</summary>
    private static int? ZoneOffset(string zone)
    {
        var z = zone.Trim();
        if (z.StartsWith("GMT", StringComparison.OrdinalIgnoreCase) || z.StartsWith("UTC", StringComparison.OrdinalIgnoreCase))
        {
            z = z.Length == 3 ? "Z" : z[3..];
        }

        if (ZoneMinutes.TryGetValue(z, out var named))
        {
            return named;
        }

        if (z.Length == 1 && char.IsAsciiLetter(z[0]))
        {
            // Military zones are used inconsistently in the wild; RFC 1123 says to treat them as UTC.
            return 0;
        }

        var m = NumericZone().Match(z);
        if (!m.Success)
        {
            return null;
        }

        var hours = Int(m.Groups["h"]);
        var minutes = m.Groups["m"].Success ? Int(m.Groups["m"]) : 0;
        var total = (hours * 60) + minutes;
        return hours > 14 || minutes > 59 ? null : m.Groups["sign"].Value == "-" ? -total : total;
    }

    private static DateTimeOffset? Make(int year, int month, int day, int hour, int minute, int second, int offsetMinutes)
    {
        if (year is < 1 or > 9999 || month is < 1 or > 12 || day < 1 || day > DateTime.DaysInMonth(year, month) ||
            hour > 24 || minute > 59 || second > 60)
        {
            return null;
        }

        var extra = TimeSpan.Zero;
        if (hour == 24)
        {
            hour = 0;
            extra = TimeSpan.FromDays(1);
        }

        if (second == 60)
        {
            second = 59;
        }

        try
        {
            return new DateTimeOffset(year, month, day, hour, minute, second, TimeSpan.FromMinutes(offsetMinutes)).Add(extra).ToUniversalTime();
        }
        catch (ArgumentOutOfRangeException)
        {
            return null;
        }
    }

    private static int IntOrZero(Group group) => group.Success ? Int(group) : 0;

    private static int Int(Group group) => int.Parse(group.ValueSpan, NumberStyles.None, CultureInfo.InvariantCulture);

    [GeneratedRegex(@"^(?<y>\d{4})(?:-?(?<mo>\d{2})(?:-?(?<d>\d{2})(?:[Tt ]+(?<h>\d{2})(?::?(?<mi>\d{2})(?::?(?<s>\d{2})(?:[.,]\d+)?)?)?\s*(?<z>[Zz]|(?:GMT|UTC)?[+-]\d{1,2}(?::?\d{2})?|[A-Za-z]{2,5})?)?)?)?$", RegexOptions.CultureInvariant)]
    private static partial Regex IsoPattern();

    [GeneratedRegex(@"^(?:[A-Za-z]{2,9}\.?,?\s*)?(?<d>\d{1,2})(?:st|nd|rd|th)?[\s\-/]+(?<mon>[A-Za-z]{3,9})\.?,?[\s\-/]+(?<y>\d{4}|\d{2})(?:(?:,?\s+|T|\s*-\s*)(?<h>\d{1,2}):(?<mi>\d{2})(?::(?<s>\d{2})(?:[.,]\d+)?)?\s*(?<ampm>[AaPp]\.?[Mm]\.?)?)?\s*(?<z>[A-Za-z]{1,5}(?:[+-]\d{1,2}(?::?\d{2})?)?|[+-]\d{1,2}(?::?\d{2})?)?\s*(?:\([^)]*\))?$", RegexOptions.CultureInvariant)]
    private static partial Regex Rfc822Pattern();

    [GeneratedRegex(@"^(?:[A-Za-z]{3,9},?\s+)?(?<mon>[A-Za-z]{3,9})\.?\s+(?<d>\d{1,2})(?:st|nd|rd|th)?,?\s+(?:(?<h>\d{1,2}):(?<mi>\d{2}):(?<s>\d{2})\s+(?<z>[A-Za-z]{1,5}\s+)?(?<y>\d{4})|(?<y>\d{4})(?:,?\s+(?<h>\d{1,2}):(?<mi>\d{2})(?::(?<s>\d{2}))?)?\s*(?<z>[A-Za-z]{1,5}|[+-]\d{2}:?\d{2})?)$", RegexOptions.CultureInvariant)]
    private static partial Regex AsctimePattern();

    [GeneratedRegex(@"^(?<sign>[+-])(?<h>\d{1,2})(?::?(?<m>\d{2}))?$", RegexOptions.CultureInvariant)]
    private static partial Regex NumericZone();
}
