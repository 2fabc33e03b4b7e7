using Markdig;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;
using Storyline.Web.Rendering;

namespace Storyline.Web.Portal;

/// <summary>
/// A contributor's Markdown: rendered with Markdig with raw HTML disabled (markup in the text is shown as text), links
/// other than http(s) and this site's own paths dropped to their text, and images shown as links (no request to another
/// host from a page); and as plain text for ingest.
/// </summary>
internal static class PostMarkdown
{
    private static readonly MarkdownPipeline Pipeline = new MarkdownPipelineBuilder().DisableHtml().UseEmphasisExtras().UseAutoLinks().Build();

    public static string ToHtml(string markdown)
    {
        var document = Markdown.Parse(markdown, Pipeline);
        foreach (var link in document.Descendants<LinkInline>())
        {
            link.IsImage = false;
            if (!IsSafe(link.Url))
            {
                link.Url = "#";
            }
        }

        foreach (var link in document.Descendants<AutolinkInline>())
        {
            if (!IsSafe(link.Url))
            {
                link.Url = "#";
            }
        }

        return document.ToHtml(Pipeline);
    }

    /// <summary>The text as ingest stores it: blocks as paragraphs separated by blank lines, without markup.</summary>
    public static string ToPlainText(string markdown)
    {
        var document = Markdown.Parse(markdown, Pipeline);
        var paragraphs = new List<string>();
        foreach (var block in document.Descendants<LeafBlock>())
        {
            var text = Markdown.ToPlainText(markdown[block.Span.Start..(block.Span.End + 1)], Pipeline).Trim();
            if (text.Length > 0)
            {
                paragraphs.Add(string.Join(' ', text.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)));
            }
        }

        return string.Join("\n\n", paragraphs);
    }

    private static bool IsSafe(string? url) =>
        url is not null && (Html.SafeUrl(url) is not null || (url.StartsWith('/') && !url.StartsWith("//", StringComparison.Ordinal) && !url.Contains('\\', StringComparison.Ordinal)));
}
