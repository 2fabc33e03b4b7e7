using AngleSharp.Dom;
using AngleSharp.Html.Parser;
using Storyline.Extraction.Html;

namespace Storyline.Tests.Hardening;

/// <summary>The depth cap holds for what the parser keeps open, not for what a tag looks like (issue 25, case 6).</summary>
public sealed class NestingLimiterTests
{
    [Theory]
    [InlineData("<div/>")]
    [InlineData("<span/>x")]
    [InlineData("<rt>a")]
    [InlineData("<rp>a")]
    [InlineData("<b><i/>")]
    [InlineData("<svg><g>")]
    public void Thousands_of_unclosed_elements_are_capped_as_the_parser_nests_them(string unit)
    {
        var html = "<html><body>" + string.Concat(Enumerable.Repeat(unit, 5_000)) + "end</body></html>";

        var limited = NestingLimiter.Limit(html);

        // Every unit opens what the parser keeps open: past the cap, its tags go (the text stays).
        Assert.InRange(limited.Count(c => c == '<'), NestingLimiter.MaxDepth, NestingLimiter.MaxDepth + 4);
        Assert.EndsWith("end</body></html>", limited, StringComparison.Ordinal);
        Assert.InRange(DomDepth(limited), 1, NestingLimiter.MaxDepth + 10);
    }

    [Fact]
    public void Self_closing_shapes_in_svg_and_ruby_parts_in_ruby_are_not_counted()
    {
        var html = "<html><body><svg>" + string.Concat(Enumerable.Repeat("<path d='M0 0'/>", 3_000)) + "</svg>" +
            "<ruby>" + string.Concat(Enumerable.Repeat("漢<rt>kan", 3_000)) + "</ruby><p>end</p></body></html>";

        Assert.Same(html, NestingLimiter.Limit(html));
    }

    [Fact]
    public void A_page_within_the_limit_is_left_as_it_is()
    {
        var html = "<html><body>" + string.Concat(Enumerable.Repeat("<div><p>a<p>b<br/><img src=x/></div>", 3_000)) + "</body></html>";

        Assert.Same(html, NestingLimiter.Limit(html));
    }

    private static int DomDepth(string html)
    {
        var document = new HtmlParser().ParseDocument(html);
        var deepest = 0;
        var stack = new Stack<(IElement Element, int Depth)>();
        stack.Push((document.DocumentElement, 1));
        while (stack.Count > 0)
        {
            var (element, depth) = stack.Pop();
            deepest = Math.Max(deepest, depth);
            foreach (var child in element.Children)
            {
                stack.Push((child, depth + 1));
            }
        }

        return deepest;
    }
}
