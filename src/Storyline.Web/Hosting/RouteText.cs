namespace Storyline.Web.Hosting;

/// <summary>
/// A name or id taken from a path segment: Kestrel decodes a path but leaves an encoded slash (%2F) encoded, so that
/// "/outlets/A%2FB" keeps one segment; the slash is restored here (outlet names and article ids may hold one).
/// </summary>
internal static class RouteText
{
    public static string Decode(string segment) =>
        segment.Contains('%', StringComparison.Ordinal) ? segment.Replace("%2F", "/", StringComparison.OrdinalIgnoreCase) : segment;
}
