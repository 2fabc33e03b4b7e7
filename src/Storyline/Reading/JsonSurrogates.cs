using System.Globalization;
using System.Text;

namespace Storyline.Reading;

/// <summary>
/// Repairs JSON text whose <c>\uD800</c>-style escapes leave a surrogate without its pair: System.Text.Json parses such
/// text but throws when the string is read, which would take down a JSONL ingest or a page's JSON-LD. Each lone
/// surrogate escape becomes <c>\uFFFD</c> (the replacement character), as a decoder does with invalid UTF-8.
/// </summary>
internal static class JsonSurrogates
{
    /// <summary>The JSON with lone surrogate escapes replaced; the same instance when it has none.</summary>
    public static string Repair(string json)
    {
        ArgumentNullException.ThrowIfNull(json);
        if (!json.Contains("\\u", StringComparison.Ordinal))
        {
            return json;
        }

        StringBuilder? repaired = null;
        var copied = 0;
        for (var i = 0; i < json.Length - 1; i++)
        {
            if (json[i] != '\\')
            {
                continue;
            }

            if (json[i + 1] != 'u' || Escape(json, i) is not { } unit)
            {
                i++; // an escaped character (\\, \", \n …): the next character is not an escape's start
                continue;
            }

            var paired = char.IsHighSurrogate(unit) ? Escape(json, i + 6) is { } next && char.IsLowSurrogate(next) : !char.IsLowSurrogate(unit);
            if (paired)
            {
                i += char.IsHighSurrogate(unit) ? 11 : 5;
                continue;
            }

            repaired ??= new StringBuilder(json.Length);
            repaired.Append(json, copied, i - copied).Append("\\uFFFD");
            copied = i + 6;
            i += 5;
        }

        return repaired is null ? json : repaired.Append(json, copied, json.Length - copied).ToString();
    }

    /// <summary>The UTF-16 unit of a <c>\uXXXX</c> escape starting at <paramref name="at"/>, or null when there is none.</summary>
    private static char? Escape(string json, int at) =>
        at + 6 <= json.Length && json[at] == '\\' && json[at + 1] == 'u'
            && ushort.TryParse(json.AsSpan(at + 2, 4), NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out var unit)
            ? (char)unit
            : null;
}
