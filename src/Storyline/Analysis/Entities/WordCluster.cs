namespace Storyline.Analysis.Entities;

/// <summary>A clustered word: its bit-string path (prefixes are coarser clusters) and how often it was seen.</summary>
internal sealed record WordCluster(string Word, string Path, int Count);
