using Storyline.Extraction.Language;

namespace Storyline.Tests.Extraction.Language;

/// <summary>
/// Close neighbours, each pair the same news sentence ("the government announced on Tuesday that the
/// new law takes effect next year despite the opposition's criticism"), written for these tests.
/// </summary>
public sealed class ConfusableLanguageTests
{
    [Theory]
    [InlineData("es", "El Gobierno anunció el martes que la nueva ley entrará en vigor el año que viene, pese a las críticas de la oposición.",
        "pt", "O governo anunciou na terça-feira que a nova lei entrará em vigor no próximo ano, apesar das críticas da oposição.")]
    [InlineData("es", "El Gobierno anunció el martes que la nueva ley entrará en vigor el año que viene, pese a las críticas de la oposición.",
        "ca", "El govern va anunciar dimarts que la nova llei entrarà en vigor l'any vinent, malgrat les crítiques de l'oposició.")]
    [InlineData("cs", "Vláda v úterý oznámila, že nový zákon vstoupí v platnost již příští rok, přestože opozice s ním nesouhlasí.",
        "sk", "Vláda v utorok oznámila, že nový zákon nadobudne účinnosť už budúci rok, hoci opozícia s ním nesúhlasí.")]
    [InlineData("da", "Regeringen meddelte tirsdag, at den nye lov skal træde i kraft allerede næste år, selv om oppositionen er imod.",
        "no", "Regjeringen opplyste tirsdag at den nye loven skal tre i kraft allerede neste år, selv om opposisjonen er imot.")]
    [InlineData("id", "Pemerintah mengumumkan pada hari Selasa bahwa undang-undang baru itu akan mulai berlaku tahun depan meskipun ditentang oposisi.",
        "ms", "Kerajaan mengumumkan pada hari Selasa bahawa undang-undang baharu itu akan berkuat kuasa tahun hadapan walaupun dibantah pembangkang.")]
    [InlineData("ru", "Правительство объявило во вторник, что новый закон вступит в силу уже в следующем году, несмотря на критику оппозиции.",
        "uk", "Уряд оголосив у вівторок, що новий закон набуде чинності вже наступного року, попри критику опозиції.")]
    [InlineData("bg", "Правителството обяви във вторник, че новият закон ще влезе в сила още от следващата година, въпреки критиките на опозицията.",
        "mk", "Владата во вторник соопшти дека новиот закон ќе стапи на сила уште следната година, и покрај критиките на опозицијата.")]
    [InlineData("hi", "सरकार ने मंगलवार को घोषणा की कि नया कानून अगले साल से लागू होगा, हालांकि विपक्ष ने इसका विरोध किया है।",
        "mr", "सरकारने मंगळवारी जाहीर केले की नवीन कायदा पुढील वर्षापासून लागू होईल, विरोधकांनी त्याला विरोध केला असला तरी.")]
    [InlineData("hi", "सरकार ने मंगलवार को घोषणा की कि नया कानून अगले साल से लागू होगा, हालांकि विपक्ष ने इसका विरोध किया है।",
        "ne", "सरकारले मंगलबार नयाँ कानुन अर्को वर्षदेखि लागू हुने घोषणा गरेको छ, यद्यपि विपक्षीले त्यसको विरोध गरेका छन्।")]
    [InlineData("fa", "دولت روز سه‌شنبه اعلام کرد که قانون جدید از سال آینده اجرا خواهد شد، با وجود انتقاد مخالفان.",
        "ur", "حکومت نے منگل کو اعلان کیا کہ نیا قانون اگلے سال سے نافذ ہو جائے گا، حالانکہ اپوزیشن نے اس کی مخالفت کی ہے۔")]
    [InlineData("ar", "أعلنت الحكومة يوم الثلاثاء أن القانون الجديد سيدخل حيز التنفيذ العام المقبل رغم انتقادات المعارضة.",
        "fa", "دولت روز سه‌شنبه اعلام کرد که قانون جدید از سال آینده اجرا خواهد شد، با وجود انتقاد مخالفان.")]
    public void Tells_neighbours_apart(string a, string textA, string b, string textB)
    {
        Assert.Equal(a, LanguageIdentifier.Identify(textA));
        Assert.Equal(b, LanguageIdentifier.Identify(textB));
    }

    [Fact(Skip = "known weakness: trained on the UDHR alone, Croatian and Serbian news sentences differ by a few nats (bench -- language: hr/sr the most frequent confusion)")]
    public void Croatian_and_serbian_news_sentences_are_told_apart()
    {
        Assert.Equal("hr", LanguageIdentifier.Identify("Vlada je u utorak objavila da će novi zakon stupiti na snagu već sljedeće godine, unatoč kritikama oporbe."));
        Assert.Equal("sr", LanguageIdentifier.Identify("Vlada je u utorak saopštila da će novi zakon stupiti na snagu već sledeće godine, uprkos kritikama opozicije."));
    }

    [Fact]
    public void Serbian_is_serbian_in_either_alphabet()
    {
        Assert.Equal("sr", LanguageIdentifier.Identify("Влада је у уторак саопштила да ће нови закон ступити на снагу већ следеће године."));
        Assert.Equal("sr", LanguageIdentifier.Identify("Vlada je u utorak saopštila da će novi zakon stupiti na snagu već sledeće godine."));
    }
}
