using System.Globalization;
using System.Text.RegularExpressions;

namespace Storyline.Extraction;

/// <summary>Parses the publication-time forms news sources use: ISO 8601, RFC 822 (feeds), and common English forms.</summary>
public static partial class DateParser
{
    private static readonly string[] ZonelessFormats =
    [
        "MMM d, yyyy - HH:mm", "MMM d, yyyy HH:mm", "MMM d, yyyy, HH:mm", "MMM d, yyyy h:mm tt", "MMM d, yyyy, h:mm tt",
        "MMMM d, yyyy - HH:mm", "MMMM d, yyyy HH:mm", "MMMM d, yyyy h:mm tt", "MMMM d, yyyy, h:mm tt",
        "d MMMM yyyy HH:mm", "d MMM yyyy HH:mm", "yyyy/MM/dd HH:mm", "yyyy/MM/dd HH:mm:ss",
    ];

    private static readonly string[] DateFormats =
    [
        "MMM d, yyyy", "MMMM d, yyyy", "MMM. d, yyyy", "d MMMM yyyy", "d MMM yyyy", "M/d/yyyy", "yyyy/MM/dd", "yyyyMMdd",
    ];

    private static readonly string[] ZonedFormats =
    [
        "ddd, d MMM yyyy HH:mm:ss zzz", "d MMM yyyy HH:mm:ss zzz", "ddd, d MMM yyyy HH:mm zzz",
    ];

    /// <summary>The time in <paramref name="text"/>, or null when it is not a recognisable date (or is outside 1900–2100).</summary>
    public static PublishedTime? Parse(string? text)
    {
        if (string.IsNullOrWhiteSpace(text) || text.Length > 100)
        {
            return null;
        }

        var trimmed = text.Trim();
        var result = ParseIso(trimmed) ?? ParseOther(trimmed);
        return result is { } value && value.Utc.Year is >= 1900 and <= 2100 ? value : null;
    }

    private static PublishedTime? ParseIso(string text)
    {
        var m = Iso().Match(text);
        if (!m.Success)
        {
            return null;
        }

        var date = $"{m.Groups["date"].Value}";
        if (!DateTime.TryParseExact(date, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day))
        {
            return null;
        }

        if (!m.Groups["h"].Success)
        {
            return new PublishedTime(new DateTimeOffset(day, TimeSpan.Zero), TimePrecision.Date, false, text);
        }

        var hour = int.Parse(m.Groups["h"].Value, CultureInfo.InvariantCulture);
        var minute = int.Parse(m.Groups["m"].Value, CultureInfo.InvariantCulture);
        var second = m.Groups["s"].Success ? int.Parse(m.Groups["s"].Value, CultureInfo.InvariantCulture) : 0;
        if (hour > 23 || minute > 59 || second > 60)
        {
            return null;
        }

        var clock = day.AddHours(hour).AddMinutes(minute).AddSeconds(Math.Min(second, 59));
        if (m.Groups["fraction"].Success && double.TryParse("0" + m.Groups["fraction"].Value, NumberStyles.Float, CultureInfo.InvariantCulture, out var fraction))
        {
            clock = clock.AddTicks((long)(fraction * TimeSpan.TicksPerSecond));
        }

        var zone = m.Groups["zone"];
        if (!zone.Success)
        {
            return new PublishedTime(new DateTimeOffset(clock, TimeSpan.Zero), TimePrecision.Time, false, text);
        }

        var offset = TimeSpan.Zero;
        if (zone.Value is not ("Z" or "z"))
        {
            var digits = zone.Value[1..].Replace(":", "", StringComparison.Ordinal);
            var hours = int.Parse(digits[..2], CultureInfo.InvariantCulture);
            var minutes = digits.Length >= 4 ? int.Parse(digits[2..4], CultureInfo.InvariantCulture) : 0;
            if (hours > 14 || minutes > 59)
            {
                return null;
            }

            offset = new TimeSpan(hours, minutes, 0) * (zone.Value[0] == '-' ? -1 : 1);
        }

        return new PublishedTime(new DateTimeOffset(clock, offset), TimePrecision.Time, true, text);
    }

    private static PublishedTime? ParseOther(string text)
    {
        var normalised = text.Replace(" GMT", " +0000", StringComparison.Ordinal).Replace(" UTC", " +0000", StringComparison.Ordinal)
            .Replace(" EST", " -0500", StringComparison.Ordinal).Replace(" EDT", " -0400", StringComparison.Ordinal)
            .Replace(" PST", " -0800", StringComparison.Ordinal).Replace(" PDT", " -0700", StringComparison.Ordinal);
        var styles = DateTimeStyles.AllowWhiteSpaces;
        if (DateTimeOffset.TryParseExact(normalised, ZonedFormats, CultureInfo.InvariantCulture, styles, out var zoned))
        {
            return new PublishedTime(zoned, TimePrecision.Time, true, text);
        }

        if (DateTime.TryParseExact(text, ZonelessFormats, CultureInfo.InvariantCulture, styles, out var clock))
        {
            return new PublishedTime(new DateTimeOffset(clock, TimeSpan.Zero), TimePrecision.Time, false, text);
        }

        if (DateTime.TryParseExact(text, DateFormats, CultureInfo.InvariantCulture, styles, out var day))
        {
            return new PublishedTime(new DateTimeOffset(day.Date, TimeSpan.Zero), TimePrecision.Date, false, text);
        }

        return null;
    }

    [GeneratedRegex(@"^(?<date>\d{4}-\d{2}-\d{2})(?:[T ](?<h>\d{2}):(?<m>\d{2})(?::(?<s>\d{2})(?<fraction>\.\d+)?)?\s*(?<zone>Z|z|[+-]\d{2}(?::?\d{2})?)?)?$", RegexOptions.CultureInvariant)]
    private static partial Regex Iso();
}
