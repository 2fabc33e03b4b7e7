using System.Xml;

namespace Storyline.Reading.Feeds;

/// <summary>
/// Builds a <see cref="FeedNode"/> tree from feed XML, leniently: namespaces are resolved here rather than by the
/// XML reader, so an undeclared prefix (<c>dc:creator</c> without its declaration, common in real feeds) is read
/// under its conventional namespace instead of failing the document; no DTD is processed and no external entity
/// fetched; depth and size are capped. A document that breaks off keeps the elements read before the break.
/// </summary>
internal static class FeedXmlTree
{
    /// <summary>Elements nested deeper than this are skipped (a defence against hostile nesting).</summary>
    public const int MaxDepth = 64;

    private static readonly Dictionary<string, string> ConventionalPrefixes = new(StringComparer.Ordinal)
    {
        ["dc"] = "http://purl.org/dc/elements/1.1/",
        ["dcterms"] = "http://purl.org/dc/terms/",
        ["content"] = "http://purl.org/rss/1.0/modules/content/",
        ["atom"] = "http://www.w3.org/2005/Atom",
        ["rdf"] = "http://www.w3.org/1999/02/22-rdf-syntax-ns#",
        ["media"] = "http://search.yahoo.com/mrss/",
        ["xhtml"] = "http://www.w3.org/1999/xhtml",
    };

    /// <summary>The root element, or null when not even one element could be read; problems are added to <paramref name="problems"/>.</summary>
    public static FeedNode? Build(string xml, string? documentBase, List<string> problems)
    {
        var settings = new XmlReaderSettings
        {
            DtdProcessing = DtdProcessing.Ignore,
            XmlResolver = null,
            CheckCharacters = false,
            IgnoreComments = true,
            IgnoreProcessingInstructions = true,
            MaxCharactersFromEntities = 1024,
            ConformanceLevel = ConformanceLevel.Document,
        };
        using var text = new StringReader(FeedXmlSanitizer.Clean(xml));
        using var inner = new XmlTextReader(text) { Namespaces = false, DtdProcessing = DtdProcessing.Ignore, XmlResolver = null, Normalization = false };
        using var reader = XmlReader.Create(inner, settings);
        var builder = new Builder(documentBase);
        try
        {
            while (reader.Read())
            {
                builder.Take(reader);
            }
        }
        catch (XmlException e)
        {
            problems.Add(builder.Root is null ? $"not XML: {e.Message}" : $"malformed XML (read up to line {e.LineNumber}): {e.Message}");
        }

        return builder.Root;
    }

    /// <summary>Resolves <paramref name="reference"/> against <paramref name="baseUri"/>; the reference as written when it is absolute or cannot be resolved.</summary>
    public static string Resolve(string? baseUri, string reference)
    {
        var trimmed = reference.Trim();
        if (HasScheme(trimmed))
        {
            return trimmed;
        }

        if (baseUri is not null && Uri.TryCreate(baseUri, UriKind.Absolute, out var root) && Uri.TryCreate(root, trimmed, out var resolved))
        {
            return resolved.ToString();
        }

        return trimmed;
    }

    /// <summary>True when the reference starts with a URI scheme ("https:", "mailto:"): a path such as "/a" is not absolute here, even where the OS would read it as a file.</summary>
    private static bool HasScheme(string reference)
    {
        var colon = reference.IndexOf(':', StringComparison.Ordinal);
        if (colon < 2 || !char.IsAsciiLetter(reference[0]))
        {
            return false;
        }

        foreach (var c in reference.AsSpan(1, colon - 1))
        {
            if (!char.IsAsciiLetterOrDigit(c) && c is not ('+' or '-' or '.'))
            {
                return false;
            }
        }

        return true;
    }

    private sealed class Builder(string? documentBase)
    {
        private readonly Stack<(FeedNode Node, Dictionary<string, string>? Scope)> _open = new();
        private int _skipDepth;

        public FeedNode? Root { get; private set; }

        public void Take(XmlReader reader)
        {
            switch (reader.NodeType)
            {
                case XmlNodeType.Element:
                    Open(reader);
                    break;
                case XmlNodeType.EndElement:
                    Close();
                    break;
                case XmlNodeType.Text or XmlNodeType.CDATA or XmlNodeType.SignificantWhitespace or XmlNodeType.Whitespace:
                    if (_skipDepth == 0 && _open.Count > 0)
                    {
                        _open.Peek().Node.Children.Add(reader.Value);
                    }

                    break;
                default:
                    break;
            }
        }

        private void Open(XmlReader reader)
        {
            var empty = reader.IsEmptyElement;
            if (_skipDepth > 0 || _open.Count >= MaxDepth || (Root is not null && _open.Count == 0))
            {
                _skipDepth += empty ? 0 : 1;
                return;
            }

            var parent = _open.Count > 0 ? _open.Peek().Node : null;
            Dictionary<string, string>? scope = null;
            string? xmlBase = null;
            string? xmlLang = null;
            var attributes = new List<KeyValuePair<string, string>>();
            for (var i = 0; i < reader.AttributeCount; i++)
            {
                reader.MoveToAttribute(i);
                var name = reader.Name;
                var value = reader.Value;
                if (name == "xmlns" || name.StartsWith("xmlns:", StringComparison.Ordinal))
                {
                    scope ??= new Dictionary<string, string>(StringComparer.Ordinal);
                    scope[name.Length == 5 ? "" : name[6..]] = value;
                }
                else if (name == "xml:base")
                {
                    xmlBase = value;
                }
                else if (name == "xml:lang")
                {
                    xmlLang = value;
                }
                else
                {
                    attributes.Add(new(name, value));
                }
            }

            reader.MoveToElement();
            var qualified = reader.Name;
            var colon = qualified.IndexOf(':', StringComparison.Ordinal);
            var prefix = colon < 0 ? "" : qualified[..colon];
            var local = colon < 0 ? qualified : qualified[(colon + 1)..];
            var ns = LookUp(prefix, scope);
            var effectiveBase = xmlBase is null ? parent?.Base ?? documentBase : Resolve(parent?.Base ?? documentBase, xmlBase);
            var node = new FeedNode(local, prefix, ns, effectiveBase, xmlLang ?? parent?.Language);
            node.Attributes.AddRange(attributes);
            if (parent is null)
            {
                Root = node;
            }
            else
            {
                parent.Children.Add(node);
            }

            if (empty)
            {
                node.Complete = true;
            }
            else
            {
                _open.Push((node, scope));
            }
        }

        private void Close()
        {
            if (_skipDepth > 0)
            {
                _skipDepth--;
                return;
            }

            if (_open.Count > 0)
            {
                _open.Pop().Node.Complete = true;
            }
        }

        private string LookUp(string prefix, Dictionary<string, string>? own)
        {
            if (own is not null && own.TryGetValue(prefix, out var declared))
            {
                return declared;
            }

            foreach (var (_, scope) in _open)
            {
                if (scope is not null && scope.TryGetValue(prefix, out declared))
                {
                    return declared;
                }
            }

            if (prefix.Length == 0)
            {
                return "";
            }

            return ConventionalPrefixes.TryGetValue(prefix.ToLowerInvariant(), out var conventional) ? conventional : "urn:undeclared:" + prefix;
        }
    }
}
