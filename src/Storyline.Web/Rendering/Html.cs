using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Unicode;

namespace Storyline.Web.Rendering;

/// <summary>
/// Builds an HTML page. Every string that is not a literal of this program goes through <see cref="Text"/> or
/// <see cref="Attribute"/> (HTML-encoded), so article titles, texts, outlets, authors and URLs are never markup; only
/// http(s) URLs become links (<see cref="SafeUrl"/>).
/// </summary>
internal sealed class Html
{
    // Letters of every script kept as they are (readable source); markup characters and quotes always encoded.
    private static readonly HtmlEncoder Encoder = HtmlEncoder.Create(UnicodeRanges.All);
    private readonly StringBuilder _builder = new(8192);

    /// <summary>Appends markup written in this program (never data).</summary>
    public Html Raw(string markup)
    {
        _builder.Append(markup);
        return this;
    }

    /// <summary>Appends text, encoded.</summary>
    public Html Text(string? text)
    {
        if (!string.IsNullOrEmpty(text))
        {
            Encoder.Encode(new StringWriter(_builder, CultureInfo.InvariantCulture), text);
        }

        return this;
    }

    /// <summary>Appends a number.</summary>
    public Html Number(long value)
    {
        _builder.Append(value.ToString(CultureInfo.InvariantCulture));
        return this;
    }

    /// <summary>Appends <c> name="value"</c> with the value encoded.</summary>
    public Html Attribute(string name, string? value)
    {
        _builder.Append(' ').Append(name).Append("=\"");
        Text(value);
        _builder.Append('"');
        return this;
    }

    /// <summary>Appends an element with encoded text content.</summary>
    public Html Element(string tag, string? text, string? cssClass = null)
    {
        _builder.Append('<').Append(tag);
        if (cssClass is not null)
        {
            Attribute("class", cssClass);
        }

        _builder.Append('>');
        Text(text);
        _builder.Append("</").Append(tag).Append('>');
        return this;
    }

    /// <summary>A link to a page of this site (<paramref name="href"/> built from escaped parts) with encoded text.</summary>
    public Html Link(string href, string? text, string? cssClass = null)
    {
        _builder.Append("<a");
        Attribute("href", href);
        if (cssClass is not null)
        {
            Attribute("class", cssClass);
        }

        _builder.Append('>');
        Text(text);
        _builder.Append("</a>");
        return this;
    }

    /// <summary>A link to an outside page when <paramref name="url"/> is http(s); otherwise the URL as plain text.</summary>
    public Html ExternalLink(string? url, string text)
    {
        if (SafeUrl(url) is { } safe)
        {
            _builder.Append("<a");
            Attribute("href", safe);
            _builder.Append(" rel=\"noopener noreferrer nofollow\">");
            Text(text);
            _builder.Append("</a>");
        }
        else if (!string.IsNullOrEmpty(url))
        {
            Element("span", url, "url");
        }

        return this;
    }

    /// <summary>The URL when it is an absolute http or https URL, else null (javascript:, data:, relative…).</summary>
    public static string? SafeUrl(string? url) =>
        url is not null && Uri.TryCreate(url.Trim(), UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps)
            ? uri.AbsoluteUri
            : null;

    /// <summary>A path segment or query value, escaped for a URL.</summary>
    public static string Escape(string value) => Uri.EscapeDataString(value);

    /// <inheritdoc />
    public override string ToString() => _builder.ToString();
}
