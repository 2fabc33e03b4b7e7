using System.Collections.Frozen;
using Storyline.Extraction;
using Script = Storyline.Extraction.WritingScript;

namespace Storyline.Bench.Language;

/// <summary>
/// The function-word identifier the library used before the n-gram model (kept as the baseline of
/// <c>bench -- language</c>; not shipped). 32 languages. Writing systems used by one language
/// decide at once (Greek, Hebrew, Hangul, Thai, Kana, Bengali, Tamil…); shared scripts are told
/// apart by letters peculiar to one language (Ukrainian і/ї/є, Persian پ/گ/ژ, Urdu ے/ٹ) and by the
/// share of each language's most frequent function words, which dominate any running text.
/// Returns ISO 639-1 codes, or null when the text is too short or no language stands out.
/// </summary>
internal static class FunctionWordIdentifier
{
    private const int MinLetters = 40;

    private static readonly FrozenDictionary<string, string[]> FunctionWords = new Dictionary<string, string[]>
    {
        ["en"] = ["the", "of", "and", "to", "in", "is", "that", "for", "it", "was", "on", "with", "as", "he", "be", "by", "at", "have", "are", "this", "from", "but", "not", "they", "his", "we", "said", "which", "has", "an", "their", "would", "been", "who", "will"],
        ["es"] = ["de", "la", "que", "el", "en", "los", "del", "se", "las", "por", "un", "para", "con", "una", "su", "al", "es", "lo", "como", "más", "pero", "sus", "le", "ha", "este", "sobre", "entre", "también", "fue", "desde", "está", "muy", "hay", "ya", "años"],
        ["pt"] = ["de", "que", "não", "em", "uma", "os", "no", "se", "na", "por", "mais", "as", "dos", "como", "mas", "foi", "ao", "ele", "das", "tem", "à", "seu", "sua", "ou", "ser", "quando", "muito", "há", "nos", "já", "está", "também", "pelo", "pela", "são"],
        ["fr"] = ["de", "la", "le", "et", "les", "des", "en", "du", "un", "une", "est", "que", "pour", "dans", "qui", "au", "sur", "pas", "par", "il", "ce", "plus", "ne", "avec", "sont", "se", "aux", "été", "elle", "ont", "mais", "cette", "nous", "ou", "leur"],
        ["it"] = ["di", "e", "il", "la", "che", "per", "un", "in", "è", "del", "della", "una", "non", "con", "le", "si", "da", "dei", "al", "sono", "gli", "nel", "alla", "anche", "più", "come", "ha", "questo", "ma", "delle", "stato", "essere", "nella", "lo", "degli"],
        ["de"] = ["der", "die", "und", "in", "den", "von", "zu", "das", "mit", "sich", "des", "auf", "für", "ist", "im", "dem", "nicht", "ein", "eine", "als", "auch", "es", "an", "werden", "aus", "er", "hat", "dass", "sie", "nach", "wird", "bei", "einer", "um", "noch"],
        ["nl"] = ["de", "van", "het", "een", "en", "in", "is", "dat", "op", "te", "zijn", "voor", "met", "die", "niet", "aan", "er", "om", "ook", "als", "bij", "door", "maar", "naar", "dan", "wordt", "nog", "heeft", "werd", "over", "uit", "ze", "hij", "kan", "worden"],
        ["sv"] = ["och", "i", "att", "det", "som", "en", "på", "är", "av", "för", "med", "till", "den", "har", "de", "inte", "om", "ett", "var", "men", "från", "vi", "kan", "så", "också", "efter", "sig", "han", "hon", "vid", "eller", "när", "skulle", "även", "år"],
        ["da"] = ["og", "i", "at", "det", "er", "en", "til", "på", "af", "som", "med", "for", "de", "den", "har", "ikke", "et", "var", "der", "om", "han", "men", "fra", "kan", "også", "efter", "vil", "blev", "hun", "skal", "eller", "når", "sig", "være", "hvor"],
        ["no"] = ["og", "i", "det", "er", "som", "en", "på", "til", "at", "av", "for", "med", "har", "de", "ikke", "om", "et", "var", "den", "seg", "han", "men", "fra", "kan", "også", "etter", "vil", "ble", "hun", "skal", "eller", "når", "hvor", "være", "mot"],
        ["fi"] = ["ja", "on", "että", "ei", "se", "oli", "hän", "mutta", "kun", "myös", "ovat", "tai", "joka", "sen", "jo", "niin", "kuin", "sitä", "vain", "ole", "nyt", "mukaan", "jos", "hänen", "olla", "voi", "ovat", "tämä", "siitä", "vielä", "sekä", "noin", "sanoo", "kanssa", "yli"],
        ["pl"] = ["i", "w", "się", "na", "nie", "z", "do", "to", "że", "jest", "o", "jak", "po", "co", "ale", "od", "za", "przez", "dla", "tak", "już", "jego", "są", "oraz", "tym", "może", "czy", "który", "jej", "także", "być", "roku", "został", "było", "tylko"],
        ["cs"] = ["a", "se", "na", "v", "je", "že", "to", "s", "z", "do", "o", "jsou", "by", "k", "ale", "jako", "pro", "za", "po", "které", "který", "také", "byl", "od", "jeho", "ve", "bylo", "při", "jen", "už", "však", "mezi", "podle", "této", "být"],
        ["sk"] = ["a", "sa", "na", "v", "je", "že", "to", "s", "z", "do", "o", "sú", "by", "k", "ale", "ako", "pre", "za", "po", "ktoré", "ktorý", "tiež", "bol", "od", "jeho", "vo", "bolo", "pri", "len", "už", "však", "medzi", "podľa", "tejto", "byť"],
        ["ro"] = ["și", "de", "în", "a", "la", "care", "cu", "pe", "din", "nu", "o", "un", "să", "se", "mai", "este", "pentru", "fost", "sunt", "ca", "au", "ce", "sau", "dar", "acest", "această", "lui", "prin", "după", "fi", "ei", "său", "când", "și-a", "fără"],
        ["hu"] = ["a", "az", "és", "hogy", "nem", "is", "egy", "meg", "de", "ez", "már", "van", "csak", "mint", "még", "volt", "el", "kell", "pedig", "szerint", "után", "vagy", "azt", "lesz", "lehet", "amely", "ami", "így", "nagyon", "minden", "majd", "sem", "akkor", "mert", "két"],
        ["tr"] = ["ve", "bir", "bu", "da", "de", "için", "ile", "olarak", "çok", "daha", "gibi", "en", "olan", "ne", "ama", "kadar", "sonra", "her", "o", "ya", "değil", "ise", "var", "olduğu", "tarafından", "ancak", "yeni", "şekilde", "büyük", "ilk", "iki", "nin", "dedi", "yıl", "üzerinde"],
        ["id"] = ["yang", "dan", "di", "ini", "itu", "dengan", "untuk", "dari", "dalam", "tidak", "akan", "pada", "juga", "ke", "karena", "ada", "oleh", "saya", "mereka", "sudah", "bisa", "atau", "kami", "telah", "lebih", "tersebut", "kata", "seperti", "adalah", "namun", "harus", "masih", "hanya", "tahun", "bahwa"],
        ["vi"] = ["của", "và", "các", "có", "là", "được", "trong", "cho", "không", "một", "người", "những", "với", "đã", "này", "khi", "để", "đến", "từ", "theo", "về", "ra", "cũng", "tại", "năm", "như", "sẽ", "nhiều", "vào", "nhưng", "bị", "đó", "làm", "thì", "lại"],
        ["ru"] = ["и", "в", "не", "на", "что", "с", "по", "он", "это", "как", "а", "из", "к", "за", "его", "о", "от", "для", "но", "так", "уже", "также", "был", "было", "она", "при", "они", "году", "же", "может", "только", "этом", "который", "сказал", "более"],
        ["uk"] = ["і", "в", "на", "що", "не", "з", "у", "та", "до", "це", "як", "за", "про", "від", "він", "його", "але", "для", "також", "було", "вже", "який", "року", "може", "із", "ще", "під", "при", "їх", "так", "є", "щоб", "бути", "цього", "після"],
        ["bg"] = ["и", "на", "в", "да", "се", "с", "за", "не", "от", "е", "че", "по", "това", "са", "към", "като", "но", "които", "който", "ще", "му", "си", "бъде", "след", "при", "има", "тя", "той", "го", "може", "във", "още", "година", "това", "беше"],
        ["ar"] = ["في", "من", "على", "إلى", "أن", "عن", "التي", "الذي", "مع", "هذا", "هذه", "كان", "ما", "قد", "لا", "أو", "بين", "كما", "بعد", "إن", "وقد", "ذلك", "حيث", "خلال", "عام", "وفي", "كل", "أي", "منذ", "لم", "قبل", "حتى", "وهو", "عند", "تم"],
        ["fa"] = ["و", "در", "به", "از", "که", "این", "را", "با", "است", "برای", "آن", "می", "یک", "شده", "هم", "تا", "بر", "کرد", "شد", "ما", "اما", "یا", "خود", "نیز", "وی", "هر", "کند", "دارد", "بود", "پس", "اند", "باید", "گفت", "ای", "آنها"],
        ["ur"] = ["کے", "کی", "میں", "ہے", "اور", "سے", "کو", "کا", "نے", "پر", "یہ", "ہیں", "کہ", "بھی", "ایک", "تھا", "گیا", "وہ", "کیا", "لیے", "ہو", "تو", "جو", "کر", "رہے", "اس", "ان", "تھی", "گا", "جا", "ہوں", "دیا", "نہیں", "کرنے", "والے"],
        ["hi"] = ["के", "है", "में", "की", "और", "से", "को", "का", "ने", "पर", "यह", "कि", "भी", "एक", "हैं", "लिए", "था", "कर", "तो", "गया", "इस", "हो", "नहीं", "किया", "वह", "कहा", "साथ", "बाद", "थे", "रहे", "जो", "करने", "अपने", "उन्होंने", "तक"],
        ["mr"] = ["आहे", "व", "या", "आणि", "हे", "की", "तो", "ते", "होते", "च्या", "आहेत", "हा", "केले", "त्यांनी", "मध्ये", "तर", "नाही", "एक", "असे", "केली", "होता", "काही", "त्या", "त्याच्या", "पण", "करण्यात", "म्हणून", "ही", "या", "असून", "त्यामुळे", "झाली", "सांगितले", "वर", "येथे"],
        ["ne"] = ["र", "छ", "को", "मा", "पनि", "छन्", "गरेको", "भएको", "लागि", "यो", "गर्न", "थियो", "हो", "भने", "एक", "गरी", "उनले", "गर्ने", "हुने", "तथा", "गरे", "उनी", "रहेको", "गरेका", "पछि", "भएका", "का", "साथै", "अनि", "भनेर", "तर", "नै", "भन्दा", "जस्तै", "बताए"],
        ["el"] = ["και", "το", "να", "της", "του", "η", "με", "σε", "την", "για", "που", "τα", "των", "ο", "στο", "από", "οι", "τον", "στην", "είναι", "θα", "δεν", "ότι", "τις", "στη", "στα", "τους", "ένα", "μια", "ως", "κατά", "αλλά", "έχει", "μετά", "πιο"],
    }.ToFrozenDictionary();

    private static readonly string[] Languages = [.. FunctionWords.Keys.Order(StringComparer.Ordinal)];

    /// <summary>Each function word with a bit for every language it belongs to: one lookup a word, not one per language.</summary>
    private static readonly FrozenDictionary<string, ulong> WordLanguages = FunctionWords
        .SelectMany(kv => kv.Value.Select(word => (Word: word, Bit: 1UL << Array.IndexOf(Languages, kv.Key))))
        .GroupBy(x => x.Word, StringComparer.Ordinal)
        .ToFrozenDictionary(g => g.Key, g => g.Aggregate(0UL, (mask, x) => mask | x.Bit), StringComparer.Ordinal);


    private const int SampleChars = 3_000;

    /// <summary>Whether this identifier can name <paramref name="language"/> at all.</summary>
    public static bool Knows(string language) => FunctionWords.ContainsKey(language) || language is "el" or "he" or "bn" or "ta" or "th" or "ko" or "zh" or "ja";

    /// <summary>The language of <paramref name="text"/>, or null when unsure.</summary>
    public static string? Identify(string? text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return null;
        }

        // About 500 words decide a language by script and function words; reading more only costs time.
        var sample = text.Length > SampleChars ? text[..SampleChars] : text;
        var counts = new int[Enum.GetValues<Script>().Length];
        var letters = 0;
        foreach (var c in sample)
        {
            var s = WritingScripts.Of(c);
            if (s != Script.None)
            {
                counts[(int)s]++;
                letters++;
            }
        }

        // A Han, Kana or Hangul character carries about a word's worth of text.
        if (letters + (2 * (counts[(int)Script.Han] + counts[(int)Script.Kana] + counts[(int)Script.Hangul])) < MinLetters)
        {
            return null;
        }

        var script = (Script)Array.IndexOf(counts, counts.Max());
        // Japanese writes Han and Kana together; any real share of Kana means Japanese.
        if (counts[(int)Script.Kana] > 0.1 * letters)
        {
            return "ja";
        }

        switch (script)
        {
            case Script.Greek: return "el";
            case Script.Hebrew: return "he";
            case Script.Bengali: return "bn";
            case Script.Gurmukhi: return "pa";
            case Script.Gujarati: return "gu";
            case Script.Tamil: return "ta";
            case Script.Telugu: return "te";
            case Script.Kannada: return "kn";
            case Script.Malayalam: return "ml";
            case Script.Thai: return "th";
            case Script.Georgian: return "ka";
            case Script.Armenian: return "hy";
            case Script.Hangul: return "ko";
            case Script.Han: return "zh";
            case Script.Ethiopic: return "am";
            case Script.Cyrillic:
                if (CountAny(sample, "їєґ") > 0 || (CountAny(sample, "і") > 3 && CountAny(sample, "ыэ") == 0))
                {
                    return "uk";
                }

                break;
            case Script.Arabic:
                if (CountAny(sample, "ےٹڈڑں") > 2)
                {
                    return "ur";
                }

                break;
        }

        return ByFunctionWords(sample, script);
    }

    private static string? ByFunctionWords(string sample, Script script)
    {
        var candidates = script switch
        {
            Script.Latin => ["en", "es", "pt", "fr", "it", "de", "nl", "sv", "da", "no", "fi", "pl", "cs", "sk", "ro", "hu", "tr", "id", "vi"],
            Script.Cyrillic => ["ru", "uk", "bg"],
            Script.Arabic => ["ar", "fa", "ur"],
            Script.Devanagari => new[] { "hi", "mr", "ne" },
            _ => Array.Empty<string>(),
        };
        if (candidates.Length == 0)
        {
            return null;
        }

        var hits = new int[candidates.Length];
        var bits = candidates.Select(c => 1UL << Array.IndexOf(Languages, c)).ToArray();
        var words = 0;
        foreach (var word in Words(sample))
        {
            words++;
            if (!WordLanguages.TryGetValue(word, out var mask))
            {
                continue;
            }

            for (var i = 0; i < candidates.Length; i++)
            {
                if ((mask & bits[i]) != 0)
                {
                    hits[i]++;
                }
            }
        }

        if (words < 8)
        {
            return null;
        }

        var best = Array.IndexOf(hits, hits.Max());
        return hits[best] >= Math.Max(2, words / 25) ? candidates[best] : null;
    }

    private static IEnumerable<string> Words(string text)
    {
        var start = -1;
        for (var i = 0; i <= text.Length; i++)
        {
            var inWord = i < text.Length && (char.IsLetter(text[i]) || char.GetUnicodeCategory(text[i]) is System.Globalization.UnicodeCategory.NonSpacingMark or System.Globalization.UnicodeCategory.SpacingCombiningMark);
            if (inWord && start < 0)
            {
                start = i;
            }
            else if (!inWord && start >= 0)
            {
                yield return text[start..i].ToLowerInvariant();
                start = -1;
            }
        }
    }

    private static int CountAny(string text, string letters)
    {
        var n = 0;
        foreach (var c in text)
        {
            if (letters.Contains(char.ToLowerInvariant(c), StringComparison.Ordinal))
            {
                n++;
            }
        }

        return n;
    }

}
