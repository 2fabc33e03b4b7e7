using System.Text.RegularExpressions;

namespace Storyline.Extraction.Html;

/// <summary>
/// What class, id, role and itemprop values say about an element: the vocabulary content
/// management systems use for navigation, sharing, related links, comments, consent and newsletter
/// boxes (negative) and for the article body (positive).
/// </summary>
internal static partial class BoilerplateHints
{
    /// <summary>Class/id words that mark chrome whatever else the element says.</summary>
    private static readonly HashSet<string> Strong = new(StringComparer.Ordinal)
    {
        "nav", "navbar", "navigation", "menu", "menus", "submenu", "breadcrumb", "breadcrumbs", "sidebar", "footer",
        "share", "sharing", "shares", "sharebar", "social", "socials", "sociable", "related", "recommended", "recommendations",
        "comment", "comments", "disqus", "newsletter", "subscribe", "subscription", "signup", "cookie", "cookies", "consent",
        "gdpr", "advert", "advertisement", "advertising", "ad", "ads", "adsbygoogle", "adslot", "dfp", "sponsor", "sponsored",
        "outbrain", "taboola", "promo", "popup", "modal", "newsletters", "trending", "popular", "mostread",
        "most-read", "follow", "rrssb", "addthis", "sharethis", "jp-relatedposts", "yarpp", "masthead", "skiplink",
        "pagination", "pager", "login", "signin", "tags",
        "tagcloud", "taglist", "categories", "rating", "ratings", "poll", "reactions", "emoji", "donate", "support-us",
    };

    /// <summary>Class/id words that mark chrome unless the element also looks like the article body.</summary>
    private static readonly HashSet<string> Weak = new(StringComparer.Ordinal)
    {
        "header", "meta", "byline", "author", "authors", "caption", "credit", "credits", "tag", "bio", "hidden", "hide",
        "sr-only", "visually-hidden", "screen-reader-text", "copyright", "disclaimer", "teaser", "teasers", "more",
        "aside", "extra", "date", "dateline", "timestamp", "info", "links", "subscribe-box", "cta", "embed",
        "newsletter-signup", "topics", "keywords", "meta-data", "metadata", "post-meta", "entry-meta", "article-meta",
        "photo", "image", "img", "figure", "gallery", "video", "player", "icon", "icons", "button", "btn", "dropdown",
        "search", "logo", "brand", "paywall", "print", "toolbar", "register",
    };

    /// <summary>Weak words that count only as a whole class name: as parts of compound names they say too little ("has-image").</summary>
    private static readonly HashSet<string> WholeNameOnly = new(StringComparer.Ordinal)
    {
        "image", "img", "photo", "video", "gallery", "icon", "icons", "button", "btn", "logo", "brand", "info", "links",
        "more", "extra", "embed", "player", "search", "date", "hidden", "hide", "figure", "dropdown", "cta", "teaser",
        "teasers", "print", "toolbar", "register", "aside",
    };

    private static readonly string[] StrongPrefixes =
    [
        "share", "social", "comment", "related", "newsletter", "subscri", "advert", "sidebar", "footer", "cookie",
        "breadcrumb", "navbar", "outbrain", "taboola", "promo", "recommend", "popup",
    ];

    private static readonly HashSet<string> Positive = new(StringComparer.Ordinal)
    {
        "article", "articlebody", "article-body", "articletext", "article-text", "article-content", "body", "content",
        "entry", "entry-content", "post", "post-content", "post-body", "postbody", "story", "story-body", "storybody",
        "text", "main", "blog", "prose", "richtext", "rich-text", "paragraph", "body-text", "bodytext", "page-content",
        "news", "single", "hentry", "td-post-content", "field-body", "article__body", "article-body__content",
    };

    private static readonly HashSet<string> ChromeRoles = new(StringComparer.OrdinalIgnoreCase)
    {
        "navigation", "banner", "contentinfo", "complementary", "menu", "menubar", "search", "dialog", "alert",
        "alertdialog", "toolbar", "tablist",
    };

    /// <summary>A hint score: negative for chrome, positive for body, 0 for none.</summary>
    public static HintKind Classify(string? classes, string? id)
    {
        var strong = false;
        var weak = false;
        var positive = false;
        Scan(classes, ref strong, ref weak, ref positive);
        Scan(id, ref strong, ref weak, ref positive);
        return strong ? (positive ? HintKind.StrongAndPositive : HintKind.Strong)
            : weak ? (positive ? HintKind.Positive : HintKind.Weak)
            : positive ? HintKind.Positive : HintKind.None;
    }

    /// <summary>Whether an ARIA role marks chrome.</summary>
    public static bool IsChromeRole(string? role) => role is not null && ChromeRoles.Contains(role.Trim());

    private static void Scan(string? value, ref bool strong, ref bool weak, ref bool positive)
    {
        if (string.IsNullOrEmpty(value) || value.Length > 400)
        {
            return;
        }

        foreach (var raw in value.Split([' ', '\t', '\n', '\r'], StringSplitOptions.RemoveEmptyEntries))
        {
            var name = raw.ToLowerInvariant();
            if (Positive.Contains(name))
            {
                positive = true;
            }

            if (Strong.Contains(name) || StartsWithAny(name))
            {
                strong = true;
            }
            else if (Weak.Contains(name))
            {
                weak = true;
            }

            foreach (var part in name.Split(['-', '_', ':', '.'], StringSplitOptions.RemoveEmptyEntries))
            {
                if (Positive.Contains(part))
                {
                    positive = true;
                }

                if (Strong.Contains(part))
                {
                    strong = true;
                }
                else if (Weak.Contains(part) && !WholeNameOnly.Contains(part))
                {
                    weak = true;
                }
            }
        }
    }

    private static bool StartsWithAny(string part)
    {
        foreach (var prefix in StrongPrefixes)
        {
            if (part.StartsWith(prefix, StringComparison.Ordinal))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Short blocks that are calls to action or widget labels rather than article text.</summary>
    public static bool IsChromeLine(string text) => text.Length <= 120 && ChromeLine().IsMatch(text);

    /// <summary>Bylines and date lines: "By Ann Lee", "Published 3 June 2024, 10:00", "Updated: …".</summary>
    public static bool IsBylineOrDate(string text)
    {
        if (text.Length > 120)
        {
            return false;
        }

        if (Byline().IsMatch(text))
        {
            return true;
        }

        return text.Length <= 60 && DateLine().IsMatch(text);
    }

    [GeneratedRegex(@"^(by|von|par|por|di|door|av|przez)\s+\p{Lu}[\p{L}.'’-]+(\s+\p{Lu}[\p{L}.'’-]+){0,3}\s*(,|\||·|•|and|&|$)|^(published|updated|posted|last updated|veröffentlicht|publié|publicado)\b.{0,60}\d", RegexOptions.CultureInvariant)]
    private static partial Regex Byline();

    [GeneratedRegex(@"^\W*(\d{1,2}[./-]\d{1,2}[./-]\d{2,4}|\d{4}-\d{2}-\d{2}|(\d{1,2}\s+)?(jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?\s+\d{1,2}(st|nd|rd|th)?,?\s+\d{4}|\d{1,2}\s+(jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?\s+\d{4})([\s,|·-]+(at\s+)?\d{1,2}[:.]\d{2}(\s*[ap]\.?m\.?)?(\s*[A-Z]{2,4})?)?\W*$", RegexOptions.CultureInvariant | RegexOptions.IgnoreCase)]
    private static partial Regex DateLine();

    [GeneratedRegex(@"^\W*(share( this( article| story| post)?)?( on \w+)?|tweet|pin it|email|print|advert|advertisement|advertising|this slideshow requires javascript|sponsored( content)?|related( articles| stories| posts)?|read more|read next|more from .{0,40}|recommended( for you)?|follow us.*|sign up.*|subscribe.*|newsletter|you may also like.*|also read.*|see also.*|click here.*|comments?|leave a (comment|reply).*|log ?in|sign ?in|register|skip to.*|loading\.*|image:.*|photo:.*|getty images|copyright .*|©.*|all rights reserved.*|text size|sharing is caring!?|\d+ comments?|what'?s your reaction\??|like|dislike|tags?:.*|filed under.*|posted in.*)\W*$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex ChromeLine();
}

/// <summary>What an element's class/id says.</summary>
internal enum HintKind
{
    None,
    Weak,
    Strong,
    Positive,
    StrongAndPositive,
}
