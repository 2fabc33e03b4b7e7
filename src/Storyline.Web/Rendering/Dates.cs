using System.Globalization;

namespace Storyline.Web.Rendering;

/// <summary>Publication times as the store keeps them (ISO 8601 at the source's precision), for display and the time bar.</summary>
internal static class Dates
{
    public static DateTimeOffset? Parse(string? iso) =>
        iso is not null && DateTimeOffset.TryParse(iso, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var time) ? time.ToUniversalTime() : null;

    /// <summary>The date part ("2025-06-07"), or "undated".</summary>
    public static string Day(string? iso) => iso is { Length: >= 10 } ? iso[..10] : iso ?? "undated";

    /// <summary>"2025-06-07" or "2025-06-07 – 2025-06-09".</summary>
    public static string Span(string? first, string? last) =>
        first is null ? "undated" : Day(first) == Day(last) || last is null ? Day(first) : $"{Day(first)} – {Day(last)}";

    /// <summary>A date or time given in a filter: yyyy-MM-dd only (null otherwise).</summary>
    public static string? FilterDate(string? value) =>
        value is not null && DateOnly.TryParseExact(value, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out _) ? value : null;
}
