using Storyline.Clustering;
using Storyline.Dedup;

namespace Storyline.Storage;

/// <summary>A stored article as grouping reads it, with its current story if it has one.</summary>
/// <param name="Item">Its id, title, text, time and outlet.</param>
/// <param name="StoryId">Its story, or null when not yet grouped.</param>
/// <param name="Signature">Its MinHash signature, or null when it has none.</param>
public sealed record ClusteringInput(ClusterItem Item, long? StoryId, MinHashSignature? Signature = null);
