namespace Storyline.Analysis.Quotes;

/// <summary>Which rule proposed an attribution: the classifier weighs each rule's candidates differently.</summary>
internal enum QuoteRule
{
    /// <summary>“…,” X said — the quote just before the cue.</summary>
    QuoteBefore,

    /// <summary>X said: “…” — the quote just after the cue.</summary>
    QuoteAfter,

    /// <summary>X said (that) CLAUSE.</summary>
    IndirectAfter,

    /// <summary>A LONG SUBJECT (with prepositions, appositions) said (that) CLAUSE.</summary>
    LongSubject,

    /// <summary>…, and A SECOND CLAUSE'S SUBJECT said (that) CLAUSE.</summary>
    ClauseSubject,

    /// <summary>Asked if/whether/about …, (X said …): the reporter's question, no speaker.</summary>
    Asked,

    /// <summary>CLAUSE, X said.</summary>
    IndirectBefore,

    /// <summary>CLAUSE, X said, CLAUSE.</summary>
    MidSentence,

    /// <summary>CLAUSE, said X.</summary>
    Inverted,

    /// <summary>According to X, CLAUSE / CLAUSE, according to X.</summary>
    According,

    /// <summary>A subject and an inflected verb that is not a listed cue ("Trump is defending his tweets").</summary>
    Stance,

    /// <summary>A transcript turn ("WALLACE: …").</summary>
    Transcript,

    /// <summary>A headline's "Poll: …", "Clinton camp: …".</summary>
    Headline,

    /// <summary>"In a poll released Monday, CLAUSE".</summary>
    InPhrase,

    /// <summary>A quote inside indirect content, sharing its cue.</summary>
    Partial,

    /// <summary>A signed quote ("“…” ― Name").</summary>
    Signed,

    /// <summary>A quote with no cue that takes the speaker of the quote before.</summary>
    Continued,

    /// <summary>A quote with no cue and no speaker.</summary>
    Unattributed,
}
