using Storyline.Clustering;

namespace Storyline.Storage;

/// <summary>A stored article as the clusterer reads it, with its current story if it has one.</summary>
/// <param name="Item">Its id, title, text and time.</param>
/// <param name="StoryId">Its story, or null when not yet grouped.</param>
public sealed record ClusteringInput(ClusterItem Item, long? StoryId);
