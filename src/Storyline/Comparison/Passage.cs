namespace Storyline.Comparison;

/// <summary>A passage of one article of the story being compared.</summary>
/// <param name="Article">Index of its article in the story's article order.</param>
/// <param name="Start">Offset of its first character in the article's text.</param>
/// <param name="End">Offset just past its last character.</param>
/// <param name="Words">Its words as the same-content model reads them.</param>
internal sealed record Passage(int Article, int Start, int End, PassageWords Words);
