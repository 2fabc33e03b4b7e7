using System.Buffers;
using System.Text;

namespace Storyline.Extraction;

/// <summary>Splits and cleans plain text into paragraphs.</summary>
internal static class TextParagraphs
{
    /// <summary>Paragraphs separated by blank lines, each with its whitespace folded to single spaces.</summary>
    public static List<string> Split(string text)
    {
        var paragraphs = new List<string>();
        var current = new StringBuilder();
        foreach (var rawLine in text.AsSpan().EnumerateLines())
        {
            var line = rawLine.Trim();
            if (line.IsEmpty)
            {
                Flush(current, paragraphs);
                continue;
            }

            if (current.Length > 0)
            {
                current.Append(' ');
            }

            current.Append(line);
        }

        Flush(current, paragraphs);
        return paragraphs;
    }

    /// <summary>Whitespace runs (including non-breaking spaces) folded to one space, ends trimmed.</summary>
    public static string FoldWhitespace(ReadOnlySpan<char> text)
    {
        // Every paragraph of every page passes here: folded into a stack or pooled buffer, so that the
        // result string is the only allocation.
        char[]? rented = null;
        var buffer = text.Length <= 256 ? stackalloc char[256] : (rented = ArrayPool<char>.Shared.Rent(text.Length));
        var length = 0;
        var pendingSpace = false;
        foreach (var c in text)
        {
            if (char.IsWhiteSpace(c) || c == '\u00A0' || c == '\u200B')
            {
                pendingSpace = length > 0;
                continue;
            }

            if (pendingSpace)
            {
                buffer[length++] = ' ';
                pendingSpace = false;
            }

            buffer[length++] = c;
        }

        var folded = new string(buffer[..length]);
        if (rented is not null)
        {
            ArrayPool<char>.Shared.Return(rented);
        }

        return folded;
    }

    private static void Flush(StringBuilder current, List<string> paragraphs)
    {
        if (current.Length == 0)
        {
            return;
        }

        var paragraph = FoldWhitespace(current.ToString());
        if (paragraph.Length > 0)
        {
            paragraphs.Add(paragraph);
        }

        current.Clear();
    }
}
