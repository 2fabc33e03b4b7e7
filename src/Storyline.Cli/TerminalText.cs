using System.Globalization;
using System.Text;

namespace Storyline.Cli;

/// <summary>
/// Makes untrusted text (titles, outlets, URLs, ids, file names, quotes from documents) safe to print on a
/// terminal. News is hostile input: a raw ESC or C1 control can clear the screen, set the window title or write
/// the clipboard (OSC 52), and bidi controls can make a line read differently from what it is. Every
/// human-readable printer passes such text through here; JSON output is escaped by its serializer, and
/// <see cref="SafeJson"/> escapes the bidi controls the serializer leaves raw.
/// </summary>
internal static class TerminalText
{
    /// <summary>
    /// The text with every control character (C0 including newline and tab, DEL, C1), bidi control and line or
    /// paragraph separator shown as a visible escape (<c>\n</c>, <c>\x1b</c>, <c>\u202e</c>), so that one value
    /// stays on one line and cannot drive the terminal; empty for null.
    /// </summary>
    public static string Safe(string? text) => Escape(text, keepNewlines: false, json: false);

    /// <summary>
    /// As <see cref="Safe"/>, but newlines are kept as line breaks: for a document's body text, printed as
    /// paragraphs. A carriage return is still escaped (it would let a line overwrite the one before).
    /// </summary>
    public static string SafeLines(string? text) => Escape(text, keepNewlines: true, json: false);

    /// <summary>
    /// A line of JSON with the characters the serializer leaves raw but a terminal obeys (bidi controls) written
    /// as <c>\uXXXX</c> escapes: they only occur inside JSON strings, where an escape means the same character.
    /// </summary>
    public static string SafeJson(string json) => Escape(json, keepNewlines: false, json: true);

    private static string Escape(string? text, bool keepNewlines, bool json)
    {
        if (string.IsNullOrEmpty(text))
        {
            return string.Empty;
        }

        var first = FirstUnsafe(text, keepNewlines);
        if (first < 0)
        {
            return text;
        }

        var builder = new StringBuilder(text.Length + 16);
        builder.Append(text, 0, first);
        for (var i = first; i < text.Length; i++)
        {
            var c = text[i];
            if (!IsUnsafe(c, keepNewlines))
            {
                builder.Append(c);
                continue;
            }

            builder.Append(c switch
            {
                _ when json => string.Create(CultureInfo.InvariantCulture, $@"\u{(int)c:x4}"),
                '\n' => @"\n",
                '\r' => @"\r",
                '\t' => @"\t",
                < '\u0100' => string.Create(CultureInfo.InvariantCulture, $@"\x{(int)c:x2}"),
                _ => string.Create(CultureInfo.InvariantCulture, $@"\u{(int)c:x4}"),
            });
        }

        return builder.ToString();
    }

    private static int FirstUnsafe(string text, bool keepNewlines)
    {
        for (var i = 0; i < text.Length; i++)
        {
            if (IsUnsafe(text[i], keepNewlines))
            {
                return i;
            }
        }

        return -1;
    }

    private static bool IsUnsafe(char c, bool keepNewlines) => c switch
    {
        '\n' => !keepNewlines,
        < ' ' => true, // C0 controls: ESC, BEL, BS, CR, tab, ...
        >= '\u007f' and <= '\u009f' => true, // DEL and the C1 controls (CSI, OSC, ST as single bytes)
        '\u061c' or '\u200e' or '\u200f' => true, // Arabic letter mark, left-to-right and right-to-left marks
        >= '\u202a' and <= '\u202e' => true, // bidi embeddings and overrides
        >= '\u2066' and <= '\u2069' => true, // bidi isolates
        '\u2028' or '\u2029' => true, // line and paragraph separators
        _ => false,
    };
}
