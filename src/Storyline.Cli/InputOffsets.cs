using System.Text.RegularExpressions;
using Storyline.Reading;

namespace Storyline.Cli;

/// <summary>
/// How the analysis commands (<c>quotes</c>, <c>entities</c>) make their offsets point into the input as the user
/// gave it: a JSONL item's <c>text</c>, or a plain-text file as it is on disk.
/// </summary>
internal static partial class InputOffsets
{
    [GeneratedRegex(@":\d+$")]
    private static partial Regex LineSuffix();

    /// <summary>Whether the document is one line of a JSONL input (its source is <c>PATH:LINE</c>).</summary>
    public static bool IsJsonlItem(RawDocument document) => LineSuffix().IsMatch(document.Source) && !File.Exists(document.Source);

    /// <summary>
    /// Where a plain-text document's body (its content, after header lines such as <c>date 2025-06-07</c>) starts
    /// in the file as given; 0 for a JSONL item or when the file cannot be read again.
    /// </summary>
    public static int BodyOffset(RawDocument document)
    {
        if (document.Format != DocumentFormat.PlainText || IsJsonlItem(document))
        {
            return 0;
        }

        try
        {
            if (!File.Exists(document.Source))
            {
                return 0;
            }

            var index = File.ReadAllText(document.Source).IndexOf(document.Content, StringComparison.Ordinal);
            return index > 0 ? index : 0;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return 0;
        }
    }
}
