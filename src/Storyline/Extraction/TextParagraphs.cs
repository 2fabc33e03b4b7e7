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
        var builder = new StringBuilder(text.Length);
        var pendingSpace = false;
        foreach (var c in text)
        {
            if (char.IsWhiteSpace(c) || c == '\u00A0' || c == '\u200B')
            {
                pendingSpace = builder.Length > 0;
                continue;
            }

            if (pendingSpace)
            {
                builder.Append(' ');
                pendingSpace = false;
            }

            builder.Append(c);
        }

        return builder.ToString();
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
