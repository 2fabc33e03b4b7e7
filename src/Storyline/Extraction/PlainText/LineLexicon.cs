namespace Storyline.Extraction.PlainText;

/// <summary>
/// Small word lists the line classifier counts: function words of the major Latin-script languages
/// (running prose is full of them, menus and labels are not) and the vocabulary of site chrome —
/// calls to action, sharing, account, navigation and legal words. Lists of general language, not of
/// any site.
/// </summary>
internal static class LineLexicon
{
    private static readonly HashSet<string> FunctionWords = new(StringComparer.OrdinalIgnoreCase)
    {
        // English
        "a", "about", "after", "all", "also", "an", "and", "are", "as", "at", "be", "because", "been", "but", "by", "can",
        "could", "did", "do", "does", "for", "from", "had", "has", "have", "he", "her", "his", "how", "i", "if", "in",
        "into", "is", "it", "its", "not", "of", "on", "or", "our", "she", "so", "than", "that", "the", "their", "them",
        "then", "there", "these", "they", "this", "those", "to", "was", "we", "were", "what", "when", "which", "while",
        "who", "will", "with", "would", "you", "your", "said", "more", "been", "being", "such", "some", "any", "other",
        // German
        "der", "die", "das", "und", "ist", "nicht", "ein", "eine", "zu", "den", "von", "mit", "sich", "auf", "für", "dem",
        "des", "im", "auch", "es", "wird", "wurde", "dass", "aber", "nach", "bei", "noch", "wie", "sie", "er",
        // French
        "le", "la", "les", "et", "est", "un", "une", "du", "des", "que", "qui", "dans", "pour", "pas", "sur", "au", "il",
        "elle", "ce", "avec", "sont", "ont", "mais", "par", "plus", "été",
        // Spanish, Portuguese, Italian
        "el", "los", "las", "y", "es", "en", "por", "con", "para", "una", "del", "se", "lo", "como", "pero", "más", "fue",
        "o", "os", "um", "uma", "não", "com", "foi", "mais", "il", "di", "che", "è", "non", "per", "della", "sono", "gli",
        // Dutch
        "het", "een", "van", "niet", "op", "zijn", "voor", "met", "dat", "ook", "maar", "werd",
    };

    private static readonly HashSet<string> ChromeWords = new(StringComparer.OrdinalIgnoreCase)
    {
        "subscribe", "subscription", "subscriber", "newsletter", "newsletters", "signup", "sign", "login", "log", "logout",
        "register", "account", "download", "app", "apps", "follow", "share", "shares", "shared", "tweet", "facebook",
        "twitter", "instagram", "linkedin", "whatsapp", "pinterest", "youtube", "telegram", "email", "e-mail", "print",
        "click", "tap", "here", "read", "more", "comments", "comment", "reply", "replies", "advertisement", "advertising",
        "sponsored", "ad", "ads", "cookie", "cookies", "privacy", "policy", "terms", "conditions", "copyright", "rights",
        "reserved", "contact", "about", "home", "menu", "search", "related", "tags", "tag", "categories", "category",
        "previous", "next", "back", "top", "skip", "content", "navigation", "toggle", "close", "open", "loading", "view",
        "views", "like", "likes", "posted", "updated", "published", "min", "mins", "minute", "minutes", "ago", "edition",
        "premium", "free", "trial", "offer", "donate", "support", "feedback", "faq", "help", "sitemap", "rss", "feed",
        "archive", "archives", "popular", "trending", "latest", "recommended", "watch", "video", "videos", "photos",
        "gallery", "podcast", "podcasts", "jobs", "careers", "shop", "store", "cart", "checkout", "newsroom",
    };

    private static readonly HashSet<string>.AlternateLookup<ReadOnlySpan<char>> FunctionLookup = FunctionWords.GetAlternateLookup<ReadOnlySpan<char>>();

    private static readonly HashSet<string>.AlternateLookup<ReadOnlySpan<char>> ChromeLookup = ChromeWords.GetAlternateLookup<ReadOnlySpan<char>>();

    /// <summary>Whether the word (any case) is a function word.</summary>
    public static bool IsFunctionWord(ReadOnlySpan<char> word) => FunctionLookup.Contains(word);

    /// <summary>Whether the word (any case) belongs to the vocabulary of site chrome.</summary>
    public static bool IsChromeWord(ReadOnlySpan<char> word) => ChromeLookup.Contains(word);
}
