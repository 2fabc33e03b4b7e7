namespace Storyline.Clustering;

/// <summary>
/// Streaming story grouping: fed articles in publication order, each joins the open story whose
/// TF-IDF centroid it is most similar to (if at least <see cref="ClusteringOptions.Threshold"/>) or
/// starts a new one. Stories close once the stream has moved past their window, so memory is bounded
/// by the window, not by the corpus. Stateful and not thread-safe: one instance per ingest.
/// </summary>
public sealed class StoryClusterer
{
    private readonly ClusteringOptions _options;
    private readonly TermStatistics _statistics;
    private readonly Dictionary<long, OpenStory> _open = [];
    private readonly HashSet<long> _touched = [];
    private readonly List<OpenStory> _closedTouched = [];
    private long _nextStoryId;
    private DateTimeOffset? _streamTime;

    /// <summary>Creates a clusterer.</summary>
    /// <param name="options">Thresholds and window.</param>
    /// <param name="statistics">Term statistics, updated as articles are added.</param>
    /// <param name="nextStoryId">The id the next new story gets (ids then count up).</param>
    public StoryClusterer(ClusteringOptions options, TermStatistics statistics, long nextStoryId = 1)
    {
        _options = options ?? throw new ArgumentNullException(nameof(options));
        _statistics = statistics ?? throw new ArgumentNullException(nameof(statistics));
        _nextStoryId = nextStoryId;
    }

    /// <summary>How many stories are open (within the window of the stream's current time).</summary>
    public int OpenStoryCount => _open.Count;

    /// <summary>Puts back an article already assigned to a story (from storage), without deciding anything or counting its terms again.</summary>
    public void Restore(ClusterItem item, long storyId)
    {
        ArgumentNullException.ThrowIfNull(item);
        if (!_open.TryGetValue(storyId, out var story))
        {
            story = new OpenStory(storyId);
            _open[storyId] = story;
        }

        story.Add(item.Id, item.Title, TermVector.From(TermVector.Counts(item, _options), _statistics), item.Time);
        _nextStoryId = Math.Max(_nextStoryId, storyId + 1);
    }

    /// <summary>Decides the story of the next article in the stream.</summary>
    public ClusterAssignment Add(ClusterItem item)
    {
        ArgumentNullException.ThrowIfNull(item);
        if (item.Time is { } time && (_streamTime is null || time > _streamTime))
        {
            _streamTime = time;
            CloseStoriesBefore(time - _options.Window);
        }

        var counts = TermVector.Counts(item, _options);
        _statistics.AddDocument(counts.Keys);
        var vector = TermVector.From(counts, _statistics);

        OpenStory? best = null;
        var bestSimilarity = 0.0;
        if (!vector.IsEmpty)
        {
            foreach (var story in _open.Values)
            {
                if (!story.Accepts(item.Time, _options.Window))
                {
                    continue;
                }

                var similarity = story.Similarity(vector);
                if (similarity > bestSimilarity || (similarity == bestSimilarity && best is not null && story.Id < best.Id))
                {
                    (best, bestSimilarity) = (story, similarity);
                }
            }
        }

        var joins = best is not null && bestSimilarity >= _options.Threshold;
        var target = joins ? best! : new OpenStory(_nextStoryId++);
        if (!joins)
        {
            _open[target.Id] = target;
        }

        target.Add(item.Id, item.Title, vector, item.Time);
        _touched.Add(target.Id);
        return new ClusterAssignment(item.Id, target.Id, !joins, joins ? bestSimilarity : 0);
    }

    /// <summary>The stories changed since the last call, with their current titles and spans.</summary>
    public IReadOnlyList<StorySnapshot> TakeChangedStories()
    {
        var changed = _closedTouched
            .Concat(_touched.Where(_open.ContainsKey).Select(id => _open[id]))
            .Select(s => new StorySnapshot(s.Id, s.CentralTitle(), s.First, s.Last, s.Count))
            .ToList();
        _touched.Clear();
        _closedTouched.Clear();
        return changed;
    }

    private void CloseStoriesBefore(DateTimeOffset horizon)
    {
        foreach (var story in _open.Values.Where(s => s.Last is { } last && last < horizon).ToList())
        {
            _open.Remove(story.Id);
            if (_touched.Remove(story.Id))
            {
                _closedTouched.Add(story);
            }
        }
    }
}
