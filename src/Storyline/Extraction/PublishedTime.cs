using System.Globalization;

namespace Storyline.Extraction;

/// <summary>
/// A publication time as precise as its source, and no more: a date alone stays a date, and a time
/// whose zone the source did not give is not given one. <see cref="ToString"/> writes ISO 8601:
/// <c>2025-06-07</c>, <c>2025-06-07T07:46:00</c> (zone unknown) or <c>2025-06-07T05:46:00Z</c> (UTC).
/// </summary>
public readonly record struct PublishedTime
{
    /// <summary>Creates a published time.</summary>
    /// <param name="value">The time; when <paramref name="zoneKnown"/> its offset is honoured, otherwise its clock reading is kept as is.</param>
    /// <param name="precision">Whether a time of day is known.</param>
    /// <param name="zoneKnown">Whether the source gave a zone or offset.</param>
    /// <param name="original">The text it was parsed from.</param>
    public PublishedTime(DateTimeOffset value, TimePrecision precision, bool zoneKnown, string original)
    {
        Precision = precision;
        ZoneKnown = zoneKnown && precision == TimePrecision.Time;
        Utc = ZoneKnown ? value.ToUniversalTime() : new DateTimeOffset(value.DateTime, TimeSpan.Zero);
        Original = original;
    }

    /// <summary>The instant in UTC; when the zone is unknown, the clock reading taken as if UTC (for ordering only).</summary>
    public DateTimeOffset Utc { get; }

    /// <summary>Whether a time of day is known.</summary>
    public TimePrecision Precision { get; }

    /// <summary>Whether the source said which zone the time is in.</summary>
    public bool ZoneKnown { get; }

    /// <summary>The text the time was parsed from, kept for provenance.</summary>
    public string Original { get; }

    /// <summary>ISO 8601 at the precision the source gave.</summary>
    public override string ToString() => Precision switch
    {
        TimePrecision.Date => Utc.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        _ when ZoneKnown => Utc.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture),
        _ => Utc.ToString("yyyy-MM-dd'T'HH:mm:ss", CultureInfo.InvariantCulture),
    };

    /// <summary>Parses the ISO form written by <see cref="ToString"/> (and any form <see cref="DateParser"/> reads).</summary>
    public static PublishedTime? Parse(string? text) => DateParser.Parse(text);
}
