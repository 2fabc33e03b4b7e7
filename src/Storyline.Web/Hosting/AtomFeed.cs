using System.Globalization;
using System.Text;
using System.Xml;
using Storyline.Storage;

namespace Storyline.Web.Hosting;

/// <summary><c>/feed.atom</c>: the newest stories as an Atom feed, so readers can follow Storyline from their feed reader.</summary>
internal static class AtomFeed
{
    private const int Entries = 30;

    public static void MapAtomFeed(this WebApplication app) =>
        app.MapGet("/feed.atom", (HttpContext context, StorePool pool) =>
        {
            // The feed's links are absolute, from the request's host: the host is part of the cache key.
            var site = $"{context.Request.Scheme}://{context.Request.Host.Value}";
            return Viewers.Shared(context, _ => pool.Read(store => Render(site, store.BrowseStories(new StoryQuery(Entries)))), "@" + site);
        }).ExcludeFromDescription();

    private static CachedResponse Render(string site, IReadOnlyList<StorySummary> stories)
    {
        using var buffer = new MemoryStream();
        using (var xml = XmlWriter.Create(buffer, new XmlWriterSettings { Encoding = new UTF8Encoding(false), Indent = true }))
        {
            xml.WriteStartDocument();
            xml.WriteStartElement("feed", "http://www.w3.org/2005/Atom");
            xml.WriteElementString("title", "Storyline: newest stories");
            xml.WriteElementString("id", site + "/");
            Link(xml, site + "/feed.atom", "self");
            Link(xml, site + "/", "alternate");
            xml.WriteElementString("updated", Updated(stories.Count > 0 ? stories[0].LastUpdated : null));
            foreach (var story in stories)
            {
                var url = $"{site}/stories/{story.Id.ToString(CultureInfo.InvariantCulture)}";
                xml.WriteStartElement("entry");
                xml.WriteElementString("title", XmlSafe(story.Title ?? "(untitled)"));
                xml.WriteElementString("id", url);
                Link(xml, url, "alternate");
                xml.WriteElementString("updated", Updated(story.LastUpdated));
                var outlets = story.Articles.Select(a => a.Outlet).OfType<string>().Distinct(StringComparer.Ordinal).ToList();
                xml.WriteStartElement("author");
                xml.WriteElementString("name", XmlSafe(outlets.Count > 0 ? string.Join(", ", outlets.Take(5)) : "Storyline"));
                xml.WriteEndElement();
                xml.WriteElementString("summary", XmlSafe($"{story.Articles.Count} articles from {outlets.Count} outlets: {string.Join(", ", outlets.Take(10))}"));
                xml.WriteEndElement();
            }

            xml.WriteEndElement();
        }

        return new CachedResponse(200, "application/atom+xml; charset=utf-8", buffer.ToArray());
    }

    /// <summary>The text without characters XML cannot hold (control characters, lone surrogates), which XmlWriter refuses.</summary>
    private static string XmlSafe(string text)
    {
        if (text.All(XmlConvert.IsXmlChar))
        {
            return text;
        }

        var kept = new StringBuilder(text.Length);
        for (var i = 0; i < text.Length; i++)
        {
            if (XmlConvert.IsXmlChar(text[i]))
            {
                kept.Append(text[i]);
            }
            else if (i + 1 < text.Length && XmlConvert.IsXmlSurrogatePair(text[i + 1], text[i]))
            {
                kept.Append(text, i++, 2);
            }
        }

        return kept.ToString();
    }

    private static void Link(XmlWriter xml, string href, string rel)
    {
        xml.WriteStartElement("link");
        xml.WriteAttributeString("rel", rel);
        xml.WriteAttributeString("href", href);
        xml.WriteEndElement();
    }

    private static string Updated(string? published) =>
        (Rendering.Dates.Parse(published) ?? DateTimeOffset.UnixEpoch).ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);
}
