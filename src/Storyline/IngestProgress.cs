namespace Storyline;

/// <summary>Progress of an ingest, reported while it runs.</summary>
/// <param name="Phase">What it is doing: <c>reading</c> or <c>grouping</c>.</param>
/// <param name="Done">Items done in this phase.</param>
/// <param name="Total">Items in this phase, when known.</param>
public readonly record struct IngestProgress(string Phase, int Done, int? Total);
