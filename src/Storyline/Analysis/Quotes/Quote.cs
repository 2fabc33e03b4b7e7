namespace Storyline.Analysis.Quotes;

/// <summary>A quotation or reported statement and who it is attributed to.</summary>
/// <param name="Start">Offset of the content's first character (a direct quote's opening mark, when it has one).</param>
/// <param name="End">Offset just past the content (a direct quote's closing mark, when it has one).</param>
/// <param name="Text">The content as written.</param>
/// <param name="CueStart">Offset of the cue ("said", "according to"), or null when the quote has none of its own.</param>
/// <param name="CueEnd">Offset just past the cue, or null.</param>
/// <param name="Cue">The cue as written, or null.</param>
/// <param name="SpeakerStart">Offset of the speaker mention (a name, a pronoun, "the lawmaker"), or null when unknown.</param>
/// <param name="SpeakerEnd">Offset just past the speaker mention, or null.</param>
/// <param name="Speaker">The speaker's name as resolved in the text ("he" → "Dmitry Novikov"), or null.</param>
/// <param name="Direct">True for words in quotation marks, false for indirect speech ("X said that …", "according to X, …").</param>
public sealed record Quote(
    int Start,
    int End,
    string Text,
    int? CueStart,
    int? CueEnd,
    string? Cue,
    int? SpeakerStart,
    int? SpeakerEnd,
    string? Speaker,
    bool Direct);
