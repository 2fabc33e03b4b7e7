using System.Text;

namespace Storyline.Reading.Feeds;

/// <summary>
/// An element of a feed document as <see cref="FeedXmlTree"/> builds it: its name and resolved namespace, its
/// attributes, its children (text as strings, elements as nodes), and the xml:base and xml:lang in effect.
/// </summary>
internal sealed class FeedNode
{
    public FeedNode(string name, string prefix, string ns, string? baseUri, string? language)
    {
        Name = name;
        Prefix = prefix;
        Namespace = ns;
        Base = baseUri;
        Language = language;
    }

    /// <summary>The local name.</summary>
    public string Name { get; }

    /// <summary>The prefix as written ("" when none).</summary>
    public string Prefix { get; }

    /// <summary>The namespace URI the prefix resolves to ("" for none).</summary>
    public string Namespace { get; }

    /// <summary>The absolute xml:base in effect, when any.</summary>
    public string? Base { get; }

    /// <summary>The xml:lang in effect, when any.</summary>
    public string? Language { get; }

    /// <summary>Attributes by their qualified name as written (namespace declarations excluded).</summary>
    public List<KeyValuePair<string, string>> Attributes { get; } = [];

    /// <summary>Text (string) and element (<see cref="FeedNode"/>) children in order.</summary>
    public List<object> Children { get; } = [];

    /// <summary>True once the element's end was read (false when the document broke off inside it).</summary>
    public bool Complete { get; set; }

    /// <summary>The value of the attribute named <paramref name="name"/> (any prefix when the name has none).</summary>
    public string? Attribute(string name)
    {
        foreach (var (key, value) in Attributes)
        {
            if (key == name)
            {
                return value;
            }
        }

        foreach (var (key, value) in Attributes)
        {
            var colon = key.IndexOf(':', StringComparison.Ordinal);
            if (colon >= 0 && key.AsSpan(colon + 1).SequenceEqual(name) && !key.StartsWith("xml", StringComparison.Ordinal))
            {
                return value;
            }
        }

        return null;
    }

    /// <summary>The element children.</summary>
    public IEnumerable<FeedNode> Elements() => Children.OfType<FeedNode>();

    /// <summary>The concatenated text of this element and its descendants.</summary>
    public string Text()
    {
        if (Children.Count == 1 && Children[0] is string only)
        {
            return only;
        }

        var text = new StringBuilder();
        AppendText(text);
        return text.ToString();
    }

    /// <summary>The children serialised back to markup (namespace prefixes dropped), as inline XHTML content.</summary>
    public string InnerMarkup()
    {
        var markup = new StringBuilder();
        foreach (var child in Children)
        {
            AppendMarkup(markup, child);
        }

        return markup.ToString();
    }

    private void AppendText(StringBuilder text)
    {
        foreach (var child in Children)
        {
            if (child is string s)
            {
                text.Append(s);
            }
            else
            {
                ((FeedNode)child).AppendText(text);
            }
        }
    }

    private static void AppendMarkup(StringBuilder markup, object child)
    {
        if (child is string s)
        {
            AppendEscaped(markup, s);
            return;
        }

        var node = (FeedNode)child;
        markup.Append('<').Append(node.Name);
        foreach (var (key, value) in node.Attributes)
        {
            markup.Append(' ').Append(key).Append("=\"");
            AppendEscaped(markup, value);
            markup.Append('"');
        }

        markup.Append('>');
        foreach (var grandchild in node.Children)
        {
            AppendMarkup(markup, grandchild);
        }

        markup.Append("</").Append(node.Name).Append('>');
    }

    private static void AppendEscaped(StringBuilder markup, string text)
    {
        foreach (var c in text)
        {
            _ = c switch
            {
                '<' => markup.Append("&lt;"),
                '>' => markup.Append("&gt;"),
                '&' => markup.Append("&amp;"),
                '"' => markup.Append("&quot;"),
                _ => markup.Append(c),
            };
        }
    }
}
