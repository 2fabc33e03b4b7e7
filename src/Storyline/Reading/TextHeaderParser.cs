using System.Text.RegularExpressions;

namespace Storyline.Reading;

/// <summary>
/// Splits the leading <c>key value</c> header lines of a plain-text document (<c>date 2025-06-07</c>,
/// <c>title …</c>, <c>url …</c>, <c>source …</c>/<c>outlet …</c>, <c>author …</c>) from its body.
/// </summary>
/// <remarks>
/// A key must be lower case (<c>date 2025-06-07</c>) or followed by a colon (<c>Date: …</c>), so that a
/// body starting with "Title IX rules…" is not taken for a header. A date header may carry the first
/// body words on the same line, as some dumps do (<c>date 2025-06-07 Russian lawmaker…</c>): the date
/// is the value and the rest of the line starts the body.
/// </remarks>
internal static partial class TextHeaderParser
{
    private const int MaxHeaderValueChars = 300;

    public sealed record Result(IReadOnlyDictionary<string, string> Headers, string Body);

    public static Result Parse(string text)
    {
        var headers = new Dictionary<string, string>(StringComparer.Ordinal);
        var position = 0;
        while (position < text.Length)
        {
            var lineEnd = text.IndexOf('\n', position);
            if (lineEnd < 0)
            {
                lineEnd = text.Length;
            }

            var line = text.AsSpan(position, lineEnd - position).TrimEnd('\r');
            if (line.IsWhiteSpace())
            {
                if (headers.Count == 0)
                {
                    position = lineEnd + 1;
                    continue;
                }

                break;
            }

            var match = HeaderLine().Match(line.ToString());
            if (!match.Success)
            {
                break;
            }

            var key = Canonical(match.Groups["key"].Value.ToLowerInvariant());
            var value = match.Groups["value"].Value.Trim();
            if (headers.ContainsKey(key))
            {
                break;
            }

            if (key == "date")
            {
                var date = DateValue().Match(value);
                if (!date.Success)
                {
                    break;
                }

                headers[key] = date.Value.Trim();
                var rest = value[date.Length..].Trim();
                if (rest.Length > 0)
                {
                    // The body starts on the header's own line.
                    var lineStart = text.IndexOf(rest, position, StringComparison.Ordinal);
                    return new Result(headers, text[lineStart..]);
                }
            }
            else
            {
                if (value.Length > MaxHeaderValueChars || (key == "url" && !value.Contains("://", StringComparison.Ordinal)))
                {
                    break;
                }

                headers[key] = value;
            }

            position = lineEnd + 1;
        }

        return new Result(headers, position >= text.Length ? string.Empty : text[position..]);
    }

    private static string Canonical(string key) => key switch
    {
        "published" => "date",
        "source" => "outlet",
        "authors" or "by" => "author",
        "lang" => "language",
        "link" => "url",
        _ => key,
    };

    [GeneratedRegex(@"^\s*(?:(?<key>date|published|title|url|link|source|outlet|author|authors|language|lang|id)[ \t]+|(?<key>(?i:date|published|title|url|link|source|outlet|author|authors|by|language|lang|id))[ \t]*:[ \t]*)(?<value>\S.*)$", RegexOptions.CultureInvariant)]
    private static partial Regex HeaderLine();

    [GeneratedRegex(@"^(?:\d{4}-\d{2}-\d{2}(?:[T ]\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})?)?|\d{1,2}/\d{1,2}/\d{4}|[A-Z][a-z]{2,8}\.? \d{1,2}, \d{4}(?:,? \d{1,2}:\d{2}(?: ?[AaPp][Mm])?)?|\d{1,2} [A-Z][a-z]{2,8} \d{4})", RegexOptions.CultureInvariant)]
    private static partial Regex DateValue();
}
