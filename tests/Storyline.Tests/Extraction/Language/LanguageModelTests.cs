using System.Text;
using Storyline.Extraction;
using Storyline.Extraction.Language;

namespace Storyline.Tests.Extraction.Language;

public sealed class LanguageModelTests
{
    [Fact]
    public void Shipped_model_loads_with_the_news_languages_of_each_shared_script()
    {
        var model = LanguageModel.Shipped;

        Assert.Subset(model.For(WritingScript.Latin)!.Languages.ToHashSet(),
            new HashSet<string>(["en", "es", "fr", "de", "pt", "it", "nl", "sv", "da", "no", "fi", "pl", "cs", "sk", "ro", "hu", "tr", "id", "ms", "vi", "ca", "hr", "sr"]));
        Assert.Subset(model.For(WritingScript.Cyrillic)!.Languages.ToHashSet(), new HashSet<string>(["ru", "uk", "bg", "sr"]));
        Assert.Equal(["ar", "fa", "ur"], model.For(WritingScript.Arabic)!.Languages);
        Assert.Equal(["hi", "mr", "ne"], model.For(WritingScript.Devanagari)!.Languages);
        Assert.Null(model.For(WritingScript.Greek));
    }

    [Fact]
    public void Writing_and_reading_back_gives_the_same_bytes()
    {
        using var first = new MemoryStream();
        LanguageModel.Shipped.Write(first);
        first.Position = 0;
        using var second = new MemoryStream();
        LanguageModel.Load(first).Write(second);

        Assert.Equal(first.ToArray(), second.ToArray());
    }

    [Fact]
    public void A_file_of_another_kind_is_refused()
    {
        using var gzip = new MemoryStream();
        using (var writer = new System.IO.Compression.GZipStream(gzip, System.IO.Compression.CompressionLevel.Fastest, leaveOpen: true))
        {
            writer.Write(Encoding.UTF8.GetBytes("not a model at all"));
        }

        gzip.Position = 0;
        Assert.Throws<InvalidDataException>(() => LanguageModel.Load(gzip));
    }

    [Fact]
    public void Ngrams_of_a_word_are_padded_with_spaces()
    {
        var sink = new Collector(new List<string>());
        CharacterNgrams.Read("De!", ref sink);

        Assert.Equal(["d", " d", "e", "de", " de", "e ", "de ", " de "], sink.Grams);
    }

    [Fact]
    public void Hostile_input_never_throws()
    {
        var random = new Random(7);
        var noise = new string([.. Enumerable.Range(0, 20_000).Select(_ => (char)random.Next(0, 0x10000))]);
        string[] inputs =
        [
            "\0\u0001\u0002\u001b[31m\u0007\u0008\t\r\n\u007f\u200b\u200e\u202e",
            noise,
            new string('a', 5_000_000),
            string.Concat(Enumerable.Repeat("Президент 大统领 президент the president ال رئيس राष्ट्रपति ", 2_000)),
            "\ud800\udc00\ud83d\ude00\udfff\ud800 lone surrogates and emoji 😀😀😀 " + new string('\u0301', 500),
            string.Concat(Enumerable.Repeat("ab ", 100_000)),
        ];

        foreach (var input in inputs)
        {
            var answer = LanguageIdentifier.Identify(input);
            Assert.True(answer is null || answer.Length == 2);
        }
    }

    [Fact]
    public void A_few_foreign_words_do_not_change_the_language()
    {
        Assert.Equal("en", LanguageIdentifier.Identify("The Kremlin said the talks in Москва would continue next week, according to a statement from the Ministry."));
        Assert.Equal("de", LanguageIdentifier.Identify("Die Regierung will das Gesetz nach dem Lockdown ändern, sagte der Minister am Dienstag in Berlin. Breaking News!"));
    }

    [Theory]
    [InlineData("Dowladda ayaa Talaadadii ku dhawaaqday in sharciga cusub uu dhaqan geli doono sannadka soo socda, in kasta oo mucaaradku diidan yahay.")]
    [InlineData("Ìjọba kéde ní ọjọ́ Ìṣẹ́gun pé òfin tuntun náà yóò bẹ̀rẹ̀ iṣẹ́ ní ọdún tó ń bọ̀.")]
    public void A_language_the_model_lacks_is_unknown(string text)
    {
        // Somali and Yoruba: Latin script, but few of their n-grams are any modelled language's.
        Assert.Null(LanguageIdentifier.Identify(text));
    }

    /// <summary>
    /// Scores against a plain reading of the profiles: every known n-gram adds each of its entries once per
    /// occurrence (the identifier counts occurrences and weighs each distinct n-gram once), with repeated words so
    /// that counts above one matter, in several scripts and with text no language keeps.
    /// </summary>
    [Theory]
    [InlineData("The minister said the the the talks would continue, and the Kremlin said the talks had ended; the end.")]
    [InlineData("Die Regierung will das Gesetz ändern, sagte der Minister, und die Regierung will es bald ändern.")]
    [InlineData("Президент заявил, что переговоры продолжатся, и президент заявил это снова; Reuters reported it.")]
    [InlineData("zzqx qxzz xqzq zzzz")]
    public void Scores_equal_weights_added_once_per_occurrence(string sentence)
    {
        var text = string.Concat(Enumerable.Repeat(sentence + " ", 12));
        var script = text.Any(c => c is >= '\u0400' and <= '\u04FF') ? WritingScript.Cyrillic : WritingScript.Latin;
        var profiles = LanguageModel.Shipped.For(script)!;
        var languages = profiles.Languages.Length;
        var scores = new long[languages];
        var kept = new int[languages];
        for (var repeat = 0; repeat < 2; repeat++)
        {
            // Twice: what one call counts must not leak into the next.
            profiles.Score(text, scores, kept);
        }

        var reference = new Reference(profiles, new long[languages], new int[languages], new int[CharacterNgrams.MaxOrder]);
        CharacterNgrams.Read(text, ref reference);
        for (var l = 0; l < languages; l++)
        {
            var expected = reference.Bonus[l];
            for (var n = 0; n < CharacterNgrams.MaxOrder; n++)
            {
                expected += (long)reference.Orders[n] * profiles.Floors[(l * CharacterNgrams.MaxOrder) + n];
            }

            Assert.Equal(expected, scores[l]);
            Assert.Equal(reference.Kept[l], kept[l]);
        }
    }

    private readonly struct Reference(NgramProfiles profiles, long[] bonus, int[] kept, int[] orders) : INgramSink
    {
        public long[] Bonus => bonus;

        public int[] Kept => kept;

        public int[] Orders => orders;

        public void Add(ulong key, int order)
        {
            var i = profiles.Keys.BinarySearch(key);
            if (i < 0)
            {
                return;
            }

            orders[order - 1]++;
            for (var e = profiles.Starts[i]; e < profiles.Starts[i + 1]; e++)
            {
                bonus[profiles.LanguageOf[e]] += profiles.Weights[e];
                kept[profiles.LanguageOf[e]]++;
            }
        }
    }

    private readonly struct Collector(List<string> grams) : INgramSink
    {
        public List<string> Grams => grams;

        public void Add(ulong key, int order) => grams.Add(CharacterNgrams.Text(key));
    }
}
