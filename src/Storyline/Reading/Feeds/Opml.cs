using System.Text;
using System.Xml;

namespace Storyline.Reading.Feeds;

/// <summary>A subscription as an OPML outline carries it.</summary>
/// <param name="Url">The feed's URL (<c>xmlUrl</c>).</param>
/// <param name="Title">Its title (<c>title</c> or <c>text</c>).</param>
/// <param name="SiteUrl">Its site (<c>htmlUrl</c>).</param>
public sealed record OpmlOutline(string Url, string? Title, string? SiteUrl);

/// <summary>OPML subscription lists: read leniently (outlines at any depth, categories flattened), written as OPML 2.0.</summary>
public static class Opml
{
    /// <summary>The feed outlines of an OPML document, and the problems met.</summary>
    public static (IReadOnlyList<OpmlOutline> Outlines, IReadOnlyList<string> Problems) Read(byte[] bytes)
    {
        ArgumentNullException.ThrowIfNull(bytes);
        var problems = new List<string>();
        var text = TextDecoding.DecodeUndeclared(bytes);
        var root = FeedXmlTree.Build(text, null, problems);
        var outlines = new List<OpmlOutline>();
        if (root is null || !root.Name.Equals("opml", StringComparison.OrdinalIgnoreCase))
        {
            problems.Add(root is null ? "not OPML" : $"not OPML: the document is <{root.Name}>");
            return (outlines, problems);
        }

        Collect(root, outlines, problems);
        return (outlines, problems);
    }

    /// <summary>An OPML 2.0 document listing <paramref name="outlines"/>.</summary>
    public static string Write(IEnumerable<OpmlOutline> outlines, DateTimeOffset created)
    {
        ArgumentNullException.ThrowIfNull(outlines);
        var text = new StringBuilder();
        var settings = new XmlWriterSettings { Indent = true, OmitXmlDeclaration = false, Encoding = new UTF8Encoding(false) };
        using (var writer = XmlWriter.Create(new StringWriter(text), settings))
        {
            writer.WriteStartElement("opml");
            writer.WriteAttributeString("version", "2.0");
            writer.WriteStartElement("head");
            writer.WriteElementString("title", "Storyline subscriptions");
            writer.WriteElementString("dateCreated", created.UtcDateTime.ToString("r", System.Globalization.CultureInfo.InvariantCulture));
            writer.WriteEndElement();
            writer.WriteStartElement("body");
            foreach (var outline in outlines)
            {
                writer.WriteStartElement("outline");
                writer.WriteAttributeString("type", "rss");
                writer.WriteAttributeString("text", Clean(outline.Title ?? outline.Url));
                if (outline.Title is not null)
                {
                    writer.WriteAttributeString("title", Clean(outline.Title));
                }

                writer.WriteAttributeString("xmlUrl", Clean(outline.Url));
                if (outline.SiteUrl is not null)
                {
                    writer.WriteAttributeString("htmlUrl", Clean(outline.SiteUrl));
                }

                writer.WriteEndElement();
            }

            writer.WriteEndElement();
            writer.WriteEndElement();
        }

        return text.ToString().Replace("encoding=\"utf-16\"", "encoding=\"utf-8\"", StringComparison.Ordinal);
    }

    private static void Collect(FeedNode node, List<OpmlOutline> outlines, List<string> problems)
    {
        foreach (var child in node.Elements())
        {
            if (child.Name.Equals("outline", StringComparison.OrdinalIgnoreCase) && child.Attribute("xmlUrl") is { } url)
            {
                if (string.IsNullOrWhiteSpace(url))
                {
                    problems.Add("an outline with an empty xmlUrl");
                }
                else
                {
                    outlines.Add(new OpmlOutline(url.Trim(), child.Attribute("title") ?? child.Attribute("text"), child.Attribute("htmlUrl")));
                }
            }

            Collect(child, outlines, problems);
        }
    }

    /// <summary>Drops characters XML cannot carry.</summary>
    private static string Clean(string text) => string.Concat(text.Where(XmlConvert.IsXmlChar));
}
