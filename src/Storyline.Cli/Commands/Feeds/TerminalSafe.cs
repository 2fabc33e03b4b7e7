using System.Text;

namespace Storyline.Cli.Commands.Feeds;

/// <summary>Untrusted text (feed titles, URLs, server messages) made safe to print on a terminal: control characters escaped.</summary>
internal static class TerminalSafe
{
    public static string Text(string? text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return text ?? "";
        }

        StringBuilder? safe = null;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            var control = char.IsControl(c) || c is '\u2028' or '\u2029' or (>= '\u202A' and <= '\u202E') or (>= '\u2066' and <= '\u2069');
            if (control)
            {
                safe ??= new StringBuilder(text, 0, i, text.Length + 16);
                safe.Append(c switch { '\n' => "\\n", '\r' => "\\r", '\t' => "\\t", _ => $"\\u{(int)c:x4}" });
            }
            else
            {
                safe?.Append(c);
            }
        }

        return safe?.ToString() ?? text;
    }
}
