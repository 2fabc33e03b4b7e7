namespace Storyline.Analysis.Sources;

/// <summary>An outlet or agency an article credits: "according to the Moscow Times", "as reported by TASS", "told Reuters".</summary>
/// <param name="Name">The outlet's name as written, without a leading "the" ("Moscow Times", "TASS").</param>
/// <param name="Start">Offset of the name's first character.</param>
/// <param name="End">Offset just past the name.</param>
/// <param name="Cue">The words that credit it, lower-cased ("according to", "as reported by", "told", "reported").</param>
/// <param name="CueStart">Offset of the cue's first character.</param>
/// <param name="CueEnd">Offset just past the cue.</param>
public sealed record CitedSource(string Name, int Start, int End, string Cue, int CueStart, int CueEnd);
