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

    private readonly struct Collector(List<string> grams) : INgramSink
    {
        public List<string> Grams => grams;

        public void Add(ulong key, int order) => grams.Add(CharacterNgrams.Text(key));
    }
}
