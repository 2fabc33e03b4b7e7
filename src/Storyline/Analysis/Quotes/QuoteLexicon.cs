namespace Storyline.Analysis.Quotes;

/// <summary>
/// The words the quote rules look for. Cue verbs are the speech and thought verbs among the most frequent
/// gold cues of PolNeAR's training half (said 3,964, says 414, according to 387, told 386, say 223, added 200,
/// wrote 195, asked 158, …), with their other inflections.
/// </summary>
internal static partial class QuoteLexicon
{
    /// <summary>Cue verbs after which the addressee comes before the content ("told reporters that …").</summary>
    public static readonly HashSet<string> ObjectCues = new(StringComparer.OrdinalIgnoreCase)
    {
        "told", "tells", "tell", "telling", "warned", "warns", "warning", "urged", "urges", "reminded", "reminds", "assured",
        "assures", "informed", "informs", "promised", "promises", "asked", "asks", "asking",
    };

    private static readonly string[] HandCues =
    [
        "said", "says", "say", "saying", "told", "tells", "tell", "telling", "added", "adds", "adding", "wrote", "writes", "writing",
        "asked", "asks", "noted", "notes", "noting", "stated", "explained", "explains", "explaining", "argued", "argues", "arguing",
        "insisted", "insists", "insisting", "claimed", "claims", "claiming", "warned", "warns", "announced", "announces", "suggested",
        "suggests", "suggesting", "tweeted", "tweets", "declared", "declares", "acknowledged", "acknowledges", "acknowledging",
        "recalled", "recalls", "concluded", "responded", "responds", "agreed", "agrees", "believes", "believe", "believed", "thinks",
        "think", "thought", "contended", "contends", "maintained", "maintains", "predicted", "predicts", "replied", "replies",
        "stressed", "stresses", "emphasized", "emphasised", "observed", "admitted", "admits", "conceded", "concedes", "countered",
        "complained", "complains", "alleged", "alleges", "charged", "reported", "reports", "confirmed", "confirms", "denied",
        "denies", "urged", "urges", "promised", "promises", "vowed", "vows", "pointed", "remarked", "testified", "wondered",
        "joked", "quipped", "boasted", "lamented", "mused", "stated", "continued", "repeated", "reiterated", "estimated", "assured",
        "reminded", "informed", "revealed", "disclosed", "announced", "posted", "explained", "hinted", "signaled", "signalled",
    ];

    private static HashSet<string> BuildCues()
    {
        var cues = new HashSet<string>(HandCues, StringComparer.OrdinalIgnoreCase);
        cues.UnionWith(LearnedCues);
        cues.ExceptWith(Between);
        cues.ExceptWith(NotCues);
        return cues;
    }

    /// <summary>The speech verbs (the hand list): the only cues after which a speaker may follow ("…,” said Peskov).</summary>
    public static readonly HashSet<string> SpeechCues = new(HandCues, StringComparer.OrdinalIgnoreCase);

    /// <summary>Capitalised words that open a sentence without being a name.</summary>
    public static readonly HashSet<string> NotNames = new(StringComparer.OrdinalIgnoreCase)
    {
        "this", "that", "these", "those", "there", "here", "what", "which", "who", "but", "and", "so", "yet", "or", "if", "when",
        "while", "as", "because", "although", "though", "now", "then", "still", "also", "meanwhile", "however", "instead", "in",
        "on", "at", "for", "with", "after", "before", "since", "asked", "yes", "no", "well", "everyone", "nobody", "someone",
        "anyone", "all", "both", "each", "some", "many", "most", "few", "none", "one", "such", "his", "her", "their", "our", "my",
    };

    /// <summary>
    /// Words that open an introductory phrase or clause, never a speaker ("In an interview, …", "As the race …",
    /// "Tuesday, …"): a speaker mention starting with one is a fragment of the sentence, not who spoke (issue 23).
    /// </summary>
    public static readonly HashSet<string> FragmentOpeners = new(StringComparer.OrdinalIgnoreCase)
    {
        "in", "as", "while", "when", "after", "on", "at", "for", "during", "despite", "since", "with", "by", "although", "though",
        "even", "if", "because", "before", "until", "unlike", "amid", "among", "following", "meanwhile", "responding", "speaking",
        "from", "to", "of", "over", "under", "about", "into", "through", "without", "whether", "once", "upon", "within", "against",
        "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "yesterday", "today", "tonight", "earlier", "later",
        "january", "february", "march", "april", "june", "july", "august", "september", "october", "november", "december",
    };

    /// <summary>Prepositions whose object is not the subject of the verb after it ("the likelihood of Musk seeking …").</summary>
    public static readonly HashSet<string> ObjectPrepositions = new(StringComparer.OrdinalIgnoreCase)
    {
        "of", "with", "about", "from", "by", "against", "between", "than", "into", "without", "toward", "towards",
    };

    /// <summary>Words that qualify a title before a name ("former White House strategist Steve Bannon").</summary>
    public static readonly HashSet<string> TitleModifiers = new(StringComparer.OrdinalIgnoreCase)
    {
        "former", "senior", "top", "veteran", "longtime", "acting", "deputy", "chief", "then", "current", "fellow", "outgoing",
        "incoming", "retired", "prominent", "leading", "interim", "assistant", "vice", "general", "special",
    };

    /// <summary>Words that end a description after a cue ("said the official in an interview").</summary>
    public static readonly HashSet<string> NpStops = new(StringComparer.OrdinalIgnoreCase)
    {
        "that", "who", "which", "whom", "whose", "on", "in", "at", "for", "to", "with", "when", "after", "before", "as", "and", "but",
        "while", "during", "because", "if", "is", "was", "are", "were", "has", "have", "had", "will", "would", "from", "by", "about",
    };

    /// <summary>Prepositions that open a phrase, not a clause, after a cue ("said in an interview").</summary>
    public static readonly HashSet<string> Prepositions = new(StringComparer.OrdinalIgnoreCase)
    {
        "in", "on", "at", "during", "after", "before", "with", "for", "from", "by", "via", "through", "over", "last", "this",
        "earlier", "later", "yesterday", "today", "tonight", "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday",
    };

    /// <summary>Irregular past forms, for stance verbs.</summary>
    public static readonly HashSet<string> IrregularPast = new(StringComparer.OrdinalIgnoreCase)
    {
        "made", "sent", "put", "took", "gave", "came", "saw", "led", "felt", "kept", "held", "met", "won", "lost", "left", "brought",
        "bought", "sought", "taught", "thought", "knew", "chose", "wrote", "spoke", "told", "became", "began", "ran", "got", "found",
        "heard", "meant", "paid", "set", "struck", "stood", "understood", "drew", "threw", "forgot", "forgave", "hid", "let", "cut",
    };

    /// <summary>Words after a verb that make it a passive or a move, not a stance ("was filed by", "arrived in").</summary>
    public static readonly HashSet<string> StanceStops = new(StringComparer.OrdinalIgnoreCase)
    {
        "by", "in", "of", "at", "on", "from", "with", "into", "during", "as", "up", "down", "out", "off", "back", "away", "here", "there",
        "since", "after", "before", "until", "through", "across", "around",
    };

    /// <summary>Learned words that are not cues by themselves ("according" is handled with "to").</summary>
    private static readonly string[] NotCues = ["according", "widely", "openly", "officially", "reportedly", "repeatedly", "eager"];

    /// <summary>Words that may come between a subject and its cue ("has also said").</summary>
    public static readonly HashSet<string> Between = new(StringComparer.OrdinalIgnoreCase)
    {
        "also", "has", "have", "had", "later", "previously", "then", "further", "again", "reportedly", "repeatedly", "publicly",
        "once", "recently", "privately", "would", "will", "may", "might", "could", "did", "does", "do", "often", "just", "already",
        "frequently", "simply", "flatly", "initially", "subsequently", "first", "last", "earlier", "quickly", "finally", "even",
        "still", "now", "long", "always", "consistently", "explicitly", "openly", "bluntly", "angrily", "clearly", "is", "was", "are",
        "were", "been", "am", "not", "never", "increasingly", "strongly", "immediately", "specifically", "directly", "personally",
    };

    /// <summary>Personal pronouns that can be a speaker.</summary>
    public static readonly HashSet<string> Pronouns = new(StringComparer.OrdinalIgnoreCase)
    {
        "he", "she", "they", "i", "we", "you", "it",
    };

    /// <summary>Determiners that open a descriptive speaker ("the lawmaker", "a spokesman", "his aide").</summary>
    public static readonly HashSet<string> Determiners = new(StringComparer.OrdinalIgnoreCase)
    {
        "the", "a", "an", "his", "her", "their", "its", "this", "that", "these", "those", "one", "another", "some", "many", "several",
        "two", "three", "other", "both", "most", "few", "our",
    };

    /// <summary>Head nouns of descriptive speakers: people and bodies that speak.</summary>
    public static readonly HashSet<string> SpeakerNouns = new(StringComparer.OrdinalIgnoreCase)
    {
        "spokesman", "spokeswoman", "spokesperson", "spokespeople", "lawmaker", "lawmakers", "senator", "senators", "official",
        "officials", "president", "candidate", "candidates", "minister", "governor", "congressman", "congresswoman", "strategist",
        "chairman", "chairwoman", "leader", "leaders", "businessman", "billionaire", "mogul", "spokesmen", "aide", "aides", "adviser",
        "advisers", "advisor", "advisors", "source", "sources", "analyst", "analysts", "expert", "experts", "critic", "critics",
        "democrats", "republicans", "democrat", "republican", "people", "supporters", "supporter", "voters", "voter", "reporters",
        "investigators", "authorities", "prosecutors", "prosecutor", "observers", "secretary", "director", "report", "statement",
        "poll", "polls", "survey", "study", "campaign", "administration", "government", "department", "agency", "committee",
        "court", "judge", "justice", "attorney", "lawyer", "lawyers", "speaker", "mayor", "representative", "nominee", "frontrunner",
        "front-runner", "economist", "economists", "politician", "politicians", "deputy", "ambassador", "diplomat", "diplomats",
        "general", "commander", "executive", "founder", "chief", "head", "member", "members", "activist", "activists", "group",
        "organization", "company", "firm", "officer", "officers", "police", "author", "writer", "columnist", "host", "historian",
        "professor", "scholar", "researcher", "researchers", "pollster", "pollsters", "donor", "donors", "woman", "man", "father",
        "mother", "wife", "husband", "son", "daughter", "friend", "colleague", "manager", "operative", "operatives", "insiders",
        "insider", "kremlin", "white", "house", "ministry", "parliament", "duma", "office", "board", "council", "panel", "data",
        "figures", "numbers", "records", "percent", "majority", "minority", "respondents", "residents", "americans", "documents", "lawsuit", "letter", "memo", "filing", "article", "book", "website", "post",
    };

    /// <summary>Nouns for the places words are said in ("in an interview, …", "in a speech, …"), beside the speaker nouns.</summary>
    public static readonly HashSet<string> SourceNouns = new(StringComparer.OrdinalIgnoreCase)
    {
        "interview", "interviews", "speech", "remarks", "tweet", "tweets", "op-ed", "editorial", "email", "emails", "video", "ad",
        "ads", "column", "essay", "op-ed", "testimony", "filings", "records", "results", "surveys", "polling", "transcript",
    };

    /// <summary>Heads that name a person (a pronoun or such a description resolves to the last person named).</summary>
    public static readonly HashSet<string> PersonNouns = new(StringComparer.OrdinalIgnoreCase)
    {
        "spokesman", "spokeswoman", "spokesperson", "lawmaker", "senator", "official", "president", "candidate", "minister",
        "governor", "congressman", "congresswoman", "strategist", "chairman", "chairwoman", "leader", "businessman", "billionaire",
        "mogul", "aide", "adviser", "advisor", "secretary", "director", "speaker", "mayor", "representative", "nominee",
        "frontrunner", "front-runner", "politician", "deputy", "ambassador", "diplomat", "executive", "founder", "chief",
        "woman", "man", "judge", "attorney", "lawyer", "economist", "analyst", "expert", "critic",
    };

    /// <summary>All cue words: the hand list below and the learned ones (<c>QuoteLexicon.Learned.cs</c>), less the adverbs that may sit beside a cue. Declared last: it is built from the lists above.</summary>
    public static readonly HashSet<string> Cues = BuildCues();
}
