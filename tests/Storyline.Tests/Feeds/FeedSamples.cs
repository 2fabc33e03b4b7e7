using System.Globalization;
using System.Text;

namespace Storyline.Tests.Feeds;

/// <summary>Feeds and pages for the poller tests, written so that each entry is a distinct article.</summary>
internal static class FeedSamples
{
    public static readonly string[] Subjects =
    [
        "The city council approved a new budget for bridge repairs after a long debate about road safety and taxes.",
        "Researchers at the university announced a vaccine trial for a rare tropical disease affecting children.",
        "The national football team won the regional championship after a dramatic penalty shootout on Sunday.",
        "Heavy snowfall closed mountain passes and delayed hundreds of flights across the northern provinces.",
        "A technology company unveiled a solar battery that it says can power a house for three days.",
        "Farmers protested in the capital against new import rules they say will ruin local dairy producers.",
    ];

    /// <summary>A paragraph-rich body about subject <paramref name="i"/>, long enough not to be a teaser.</summary>
    public static string Body(int i, string extra = "")
    {
        var text = new StringBuilder();
        for (var p = 0; p < 4; p++)
        {
            text.Append("<p>").Append(Subjects[i % Subjects.Length]).Append(" Paragraph ").Append(p + 1)
                .Append(" adds details on the story numbered ").Append(i.ToString(CultureInfo.InvariantCulture)).Append(extra).Append(".</p>");
        }

        return text.ToString();
    }

    /// <summary>An RSS 2.0 feed of the given items: (guid, link path, title, content HTML, days back).</summary>
    public static string Rss(Uri baseUri, string title, IEnumerable<(string Guid, string Path, string Title, string Html, int Days)> items)
    {
        var rss = new StringBuilder();
        rss.Append("<?xml version=\"1.0\" encoding=\"utf-8\"?><rss version=\"2.0\" xmlns:content=\"http://purl.org/rss/1.0/modules/content/\"><channel>");
        rss.Append("<title>").Append(title).Append("</title><link>").Append(baseUri).Append("</link>");
        var start = new DateTimeOffset(2025, 6, 7, 12, 0, 0, TimeSpan.Zero);
        foreach (var (guid, path, itemTitle, html, days) in items)
        {
            rss.Append("<item><title>").Append(itemTitle).Append("</title><link>").Append(new Uri(baseUri, path)).Append("</link>");
            rss.Append("<guid isPermaLink=\"false\">").Append(guid).Append("</guid>");
            rss.Append("<pubDate>").Append(start.AddDays(-days).ToString("r", CultureInfo.InvariantCulture)).Append("</pubDate>");
            rss.Append("<content:encoded><![CDATA[").Append(html).Append("]]></content:encoded></item>");
        }

        return rss.Append("</channel></rss>").ToString();
    }
}
