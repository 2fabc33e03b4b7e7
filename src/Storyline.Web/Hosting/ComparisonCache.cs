using System.Collections.Concurrent;
using Storyline.Comparison;
using Storyline.Storage;

namespace Storyline.Web.Hosting;

/// <summary>
/// Each story's coverage comparison, computed once (the comparison stage aligns every passage of every article) and
/// kept until the stories change (<see cref="StoryGeneration"/>): the story page and <c>/api/stories/{id}/compare</c>
/// share it. Bounded: emptied when it holds too many.
/// </summary>
internal sealed class ComparisonCache
{
    private const int MaxEntries = 2048;
    private readonly ConcurrentDictionary<long, StoryComparison?> _entries = new();

    public ComparisonCache(StoryGeneration generation) => generation.OnChange(_entries.Clear);

    /// <summary>The comparison of the story, or null when there is no such story.</summary>
    public StoryComparison? Get(SqliteStoryStore store, long storyId)
    {
        if (_entries.TryGetValue(storyId, out var cached))
        {
            return cached;
        }

        var comparison = StoryComparer.Default.Compare(store, storyId);
        if (_entries.Count >= MaxEntries)
        {
            _entries.Clear();
        }

        _entries[storyId] = comparison;
        return comparison;
    }
}
