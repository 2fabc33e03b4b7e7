namespace Storyline.Clustering;

/// <summary>
/// The words of an article URL's slug ("…/fed-official-says-weak-data-caused-by-weather.html"), which
/// often name the event more fully than a short headline: grouping reads them for headline-only items.
/// Only path segments with at least two hyphens or underscores count, so section names ("business",
/// "2014") and opaque ids are left out.
/// </summary>
internal static class UrlSlug
{
    private const int MaxUrlLength = 2048;

    /// <summary>The slug words of <paramref name="url"/> joined by spaces, or an empty string.</summary>
    public static string Words(string? url)
    {
        if (string.IsNullOrEmpty(url) || url.Length > MaxUrlLength || !Uri.TryCreate(url, UriKind.Absolute, out var uri))
        {
            return string.Empty;
        }

        var words = new List<string>();
        foreach (var segment in uri.AbsolutePath.Split('/', StringSplitOptions.RemoveEmptyEntries))
        {
            var name = StripExtension(Uri.UnescapeDataString(segment));
            if (name.Count(c => c is '-' or '_') < 2)
            {
                continue;
            }

            var letters = name.SplitWhere(static c => !char.IsLetter(c)).Where(w => w.Length >= 3).ToList();
            if (letters.Count >= 2)
            {
                words.AddRange(letters);
            }
        }

        return string.Join(' ', words);
    }

    private static string StripExtension(string segment)
    {
        var dot = segment.LastIndexOf('.');
        return dot > 0 && segment.Length - dot <= 6 && !segment.AsSpan(dot + 1).ContainsAnyExceptInRange('a', 'z') ? segment[..dot] : segment;
    }

    private static string[] SplitWhere(this string text, Func<char, bool> isSeparator)
    {
        var parts = new List<string>();
        var start = 0;
        for (var i = 0; i <= text.Length; i++)
        {
            if (i == text.Length || isSeparator(text[i]))
            {
                if (i > start)
                {
                    parts.Add(text[start..i]);
                }

                start = i + 1;
            }
        }

        return [.. parts];
    }
}
