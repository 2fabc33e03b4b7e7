using System.Net;
using System.Text;

namespace Storyline.Reading.Feeds;

/// <summary>
/// Makes real-world feed text acceptable to an XML parser without changing what it says: HTML entities the feed
/// never declared (<c>&amp;nbsp;</c>, <c>&amp;eacute;</c>) become character references, a bare ampersand becomes
/// <c>&amp;amp;</c>, and control characters XML forbids are dropped. CDATA sections and comments are left alone.
/// </summary>
internal static class FeedXmlSanitizer
{
    private static readonly HashSet<string> XmlEntities = new(StringComparer.Ordinal) { "amp", "lt", "gt", "quot", "apos" };

    public static string Clean(string xml)
    {
        if (!NeedsCleaning(xml))
        {
            return xml;
        }

        var clean = new StringBuilder(xml.Length + 64);
        var i = 0;
        while (i < xml.Length)
        {
            if (string.CompareOrdinal(xml, i, "<![CDATA[", 0, 9) == 0)
            {
                i = CopyThrough(xml, i, "]]>", clean);
                continue;
            }

            if (string.CompareOrdinal(xml, i, "<!--", 0, 4) == 0)
            {
                i = CopyThrough(xml, i, "-->", clean);
                continue;
            }

            var c = xml[i];
            if (c == '&')
            {
                i = AppendReference(xml, i, clean);
                continue;
            }

            if (c >= ' ' || c is '\t' or '\n' or '\r')
            {
                clean.Append(c);
            }

            i++;
        }

        return clean.ToString();
    }

    private static bool NeedsCleaning(string xml)
    {
        foreach (var c in xml)
        {
            if (c == '&' || (c < ' ' && c is not ('\t' or '\n' or '\r')))
            {
                return true;
            }
        }

        return false;
    }

    private static int CopyThrough(string xml, int start, string end, StringBuilder clean)
    {
        var close = xml.IndexOf(end, start, StringComparison.Ordinal);
        var stop = close < 0 ? xml.Length : close + end.Length;
        for (var i = start; i < stop; i++)
        {
            var c = xml[i];
            if (c >= ' ' || c is '\t' or '\n' or '\r')
            {
                clean.Append(c);
            }
        }

        return stop;
    }

    /// <summary>Copies the reference at <paramref name="start"/> (an ampersand) in a form XML accepts; returns where to go on.</summary>
    private static int AppendReference(string xml, int start, StringBuilder clean)
    {
        var end = start + 1;
        while (end < xml.Length && end - start <= 32 && (char.IsAsciiLetterOrDigit(xml[end]) || xml[end] == '#'))
        {
            end++;
        }

        var name = xml.AsSpan(start + 1, end - start - 1);
        var terminated = end < xml.Length && xml[end] == ';';
        if (terminated && name.Length > 0)
        {
            if (name[0] == '#')
            {
                if (IsCharacterReference(name[1..]))
                {
                    clean.Append(xml, start, end - start + 1);
                    return end + 1;
                }
            }
            else if (XmlEntities.Contains(name.ToString()))
            {
                clean.Append(xml, start, end - start + 1);
                return end + 1;
            }
            else
            {
                var decoded = WebUtility.HtmlDecode(xml.Substring(start, end - start + 1));
                if (decoded.Length is 1 or 2 && decoded[0] != '&')
                {
                    foreach (var rune in decoded.EnumerateRunes())
                    {
                        clean.Append("&#").Append(rune.Value).Append(';');
                    }

                    return end + 1;
                }
            }
        }

        clean.Append("&amp;");
        return start + 1;
    }

    private static bool IsCharacterReference(ReadOnlySpan<char> digits)
    {
        if (digits.Length == 0)
        {
            return false;
        }

        int value;
        if (digits[0] is 'x' or 'X')
        {
            if (!int.TryParse(digits[1..], System.Globalization.NumberStyles.HexNumber, System.Globalization.CultureInfo.InvariantCulture, out value))
            {
                return false;
            }
        }
        else if (!int.TryParse(digits, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out value))
        {
            return false;
        }

        // XML forbids most control characters even as references.
        return value is 0x9 or 0xA or 0xD or (>= 0x20 and <= 0xD7FF) or (>= 0xE000 and <= 0xFFFD) or (>= 0x10000 and <= 0x10FFFF);
    }
}
