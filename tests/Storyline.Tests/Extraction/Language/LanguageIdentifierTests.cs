using Storyline.Extraction;
using Storyline.Extraction.Language;
using Storyline.Reading;

namespace Storyline.Tests.Extraction.Language;

public sealed class LanguageIdentifierTests
{
    [Theory]
    [InlineData("en", "The minister said on Tuesday that the government would not change its plans, and that the new law was expected to pass.")]
    [InlineData("es", "El ministro dijo el martes que el gobierno no cambiará sus planes y que la nueva ley se aprobará en las próximas semanas.")]
    [InlineData("pt", "O ministro disse na terça-feira que o governo não vai mudar os seus planos e que a nova lei deve ser aprovada em breve.")]
    [InlineData("fr", "Le ministre a déclaré mardi que le gouvernement ne changerait pas ses plans et que la nouvelle loi devrait être adoptée.")]
    [InlineData("it", "Il ministro ha detto martedì che il governo non cambierà i suoi piani e che la nuova legge dovrebbe essere approvata presto.")]
    [InlineData("de", "Der Minister sagte am Dienstag, dass die Regierung ihre Pläne nicht ändern werde und das neue Gesetz bald verabschiedet wird.")]
    [InlineData("nl", "De minister zei dinsdag dat de regering haar plannen niet zal wijzigen en dat de nieuwe wet naar verwachting wordt aangenomen.")]
    [InlineData("pl", "Minister powiedział we wtorek, że rząd nie zmieni swoich planów i że nowa ustawa zostanie przyjęta już w przyszłym tygodniu.")]
    [InlineData("tr", "Bakan salı günü yaptığı açıklamada hükümetin planlarını değiştirmeyeceğini ve yeni yasanın kısa sürede kabul edileceğini söyledi ve bu konuda bir değişiklik olmayacağını da ekledi.")]
    [InlineData("ru", "Министр заявил во вторник, что правительство не будет менять свои планы и что новый закон будет принят уже в ближайшее время.")]
    [InlineData("uk", "Міністр заявив у вівторок, що уряд не змінюватиме свої плани і що новий закон буде ухвалено найближчим часом.")]
    [InlineData("el", "Ο υπουργός δήλωσε την Τρίτη ότι η κυβέρνηση δεν θα αλλάξει τα σχέδιά της και ότι ο νέος νόμος θα ψηφιστεί σύντομα.")]
    [InlineData("ar", "قال الوزير يوم الثلاثاء إن الحكومة لن تغير خططها وإن القانون الجديد من المتوقع أن يتم إقراره في الأسابيع المقبلة.")]
    [InlineData("hi", "मंत्री ने मंगलवार को कहा कि सरकार अपनी योजनाओं में कोई बदलाव नहीं करेगी और नया कानून जल्द ही पारित किया जाएगा।")]
    [InlineData("ja", "大臣は火曜日、政府は計画を変更しないと述べ、新しい法律は近く成立する見通しだと語った。")]
    [InlineData("zh", "部长周二表示，政府不会改变其计划，新法律预计将在未来几周内获得通过。")]
    [InlineData("ko", "장관은 화요일 정부가 계획을 바꾸지 않을 것이며 새 법안이 곧 통과될 것으로 예상된다고 말했다.")]
    [InlineData("sv", "Regeringen meddelade på tisdagen att den nya lagen ska träda i kraft redan nästa år, trots kritik från oppositionen.")]
    [InlineData("fi", "Hallitus ilmoitti tiistaina, että uusi laki tulee voimaan jo ensi vuonna oppositiosta huolimatta.")]
    [InlineData("ro", "Guvernul a anunțat marți că noua lege va intra în vigoare încă de anul viitor, în ciuda criticilor opoziției.")]
    [InlineData("hu", "A kormány kedden bejelentette, hogy az új törvény már jövőre hatályba lép, az ellenzék tiltakozása ellenére.")]
    [InlineData("vi", "Chính phủ hôm thứ Ba thông báo rằng luật mới sẽ có hiệu lực từ năm sau, bất chấp sự phản đối của phe đối lập.")]
    [InlineData("sl", "Vlada je v torek sporočila, da bo novi zakon začel veljati že prihodnje leto, kljub kritikam opozicije.")]
    [InlineData("et", "Valitsus teatas teisipäeval, et uus seadus jõustub juba järgmisel aastal, hoolimata opositsiooni kriitikast.")]
    [InlineData("lv", "Valdība otrdien paziņoja, ka jaunais likums stāsies spēkā jau nākamgad, neskatoties uz opozīcijas kritiku.")]
    [InlineData("lt", "Vyriausybė antradienį paskelbė, kad naujasis įstatymas įsigalios jau kitais metais, nepaisant opozicijos kritikos.")]
    [InlineData("sq", "Qeveria njoftoi të martën se ligji i ri do të hyjë në fuqi që vitin e ardhshëm, pavarësisht kritikave të opozitës.")]
    [InlineData("af", "Die regering het Dinsdag aangekondig dat die nuwe wet reeds volgende jaar in werking sal tree, ondanks kritiek van die opposisie.")]
    [InlineData("sw", "Serikali ilitangaza Jumanne kwamba sheria mpya itaanza kutumika mwaka ujao, licha ya upinzani kuikosoa.")]
    [InlineData("tl", "Inanunsyo ng pamahalaan noong Martes na magkakabisa ang bagong batas sa susunod na taon, sa kabila ng pagtutol ng oposisyon.")]
    [InlineData("be", "Урад у аўторак паведаміў, што новы закон набудзе моц ужо ў наступным годзе, нягледзячы на крытыку апазіцыі.")]
    [InlineData("kk", "Үкімет сейсенбіде жаңа заң келесі жылдан бастап күшіне енетінін мәлімдеді, дегенмен оппозиция оған қарсы.")]
    [InlineData("sr", "Влада је у уторак саопштила да ће нови закон ступити на снагу већ следеће године, упркос критикама опозиције.")]
    [InlineData("he", "הממשלה הודיעה ביום שלישי כי החוק החדש ייכנס לתוקף כבר בשנה הבאה, למרות ביקורת האופוזיציה.")]
    [InlineData("th", "รัฐบาลประกาศเมื่อวันอังคารว่ากฎหมายใหม่จะมีผลบังคับใช้ตั้งแต่ปีหน้า แม้ฝ่ายค้านจะคัดค้าน")]
    [InlineData("bn", "সরকার মঙ্গলবার জানিয়েছে যে নতুন আইনটি আগামী বছর থেকে কার্যকর হবে, যদিও বিরোধীরা এর বিরোধিতা করেছে।")]
    [InlineData("ta", "புதிய சட்டம் அடுத்த ஆண்டு முதல் அமலுக்கு வரும் என்று அரசு செவ்வாய்க்கிழமை அறிவித்தது.")]
    public void Identifies_news_sentences(string expected, string text)
    {
        Assert.Equal(expected, LanguageIdentifier.Identify(text));
    }

    [Theory]
    [InlineData("")]
    [InlineData("Hello")]
    [InlineData("12345 67890 !!!")]
    [InlineData("Breaking news today")]
    [InlineData("Новости дня, 12:40")]
    [InlineData("ताज़ा ख़बर")]
    public void Short_or_letterless_text_is_unknown(string text)
    {
        Assert.Null(LanguageIdentifier.Identify(text));
    }

    [Fact]
    public void Extraction_fills_in_the_language_when_none_is_declared()
    {
        var read = Assert.Single(new DocumentReader().ReadPath(TestPaths.Samples("001_189017ad2c526773.txt")));

        Assert.Equal("en", new ArticleExtractor().Extract(read.Document!).Article!.Language);
    }

    [Fact]
    public void A_line_of_another_language_at_the_top_does_not_decide_alone()
    {
        // About 150 characters of Spanish (a syndication credit) above an English report: the lead Spanish takes
        // in the first chunks must not stop the reading before the English has been read.
        const string credit = "Esta nota fue publicada originalmente por la agencia de noticias y se reproduce aquí con permiso de sus editores.\n";
        const string body = "The minister said on Tuesday that the government would not change its plans, and that the new law was expected to pass "
            + "before the end of the month. Opposition leaders said they would keep fighting the bill in the courts and in the streets, "
            + "and several unions announced a strike for next week. The minister told reporters that the government had listened to every "
            + "side and that the law would protect workers rather than harm them.";

        Assert.Equal("es", LanguageIdentifier.Identify(credit + credit));
        Assert.Equal("en", LanguageIdentifier.Identify(credit + body));
    }

    [Fact]
    public void Paragraphs_are_identified_as_their_joined_text_is()
    {
        string[] languages = ["The minister said on Tuesday that the government would not change its plans.", "El ministro dijo el martes que el gobierno no cambiará sus planes.", "Министр заявил во вторник, что правительство не будет менять свои планы."];
        var random = new Random(3);
        for (var round = 0; round < 200; round++)
        {
            // Paragraphs of mixed languages and lengths, some long enough to cross the characters read.
            var paragraphs = Enumerable.Range(0, random.Next(0, 8))
                .Select(_ => string.Concat(Enumerable.Repeat(languages[random.Next(languages.Length)] + " ", random.Next(1, 30))))
                .ToList();

            var joined = string.Join('\n', paragraphs);
            Assert.Equal(LanguageIdentifier.Identify(joined), LanguageIdentifier.Identify(paragraphs));
            var start = new char[random.Next(1, 400)];
            var length = LanguageIdentifier.CopyJoinedStart(paragraphs, start);
            Assert.Equal(joined[..Math.Min(joined.Length, start.Length)], new string(start, 0, length));
        }
    }
}
