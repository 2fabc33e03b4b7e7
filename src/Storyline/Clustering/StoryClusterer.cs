namespace Storyline.Clustering;

/// <summary>
/// Streaming story grouping: fed articles in publication order, each is compared with the open stories
/// that share a distinctive term with it; a learned <see cref="MergeModel"/> turns the evidence (TF-IDF
/// cosines of title and body, shared names and quotes, time gap, outlet) into a probability, and the
/// article joins the most probable story if that is at least <see cref="ClusteringOptions.JoinProbability"/>,
/// else starts a new one. Stories close once the stream has moved past their window, so memory is bounded
/// by the window, not by the corpus. Stateful and not thread-safe: one instance per ingest.
/// </summary>
public sealed class StoryClusterer
{
    private readonly ClusteringOptions _options;
    private readonly TermStatistics _statistics;
    private readonly Dictionary<long, StoryState> _open = [];
    private readonly CandidateIndex _index = new();
    private readonly HashSet<long> _touched = [];
    private readonly List<StoryState> _closedTouched = [];
    private long _nextStoryId;
    private DateTimeOffset? _streamTime;

    /// <summary>Creates a clusterer.</summary>
    /// <param name="options">Model, window and term limits.</param>
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
            story = new StoryState(storyId);
            _open[storyId] = story;
        }

        var profile = ArticleProfile.Build(item, _options, _statistics, count: false);
        story.Add(profile);
        _index.Add(storyId, profile);
        _nextStoryId = Math.Max(_nextStoryId, storyId + 1);
    }

    /// <summary>
    /// The id a story started by an article should get when not the next one (the id of the story it was in before it was
    /// taken out to be grouped again), or null.
    /// </summary>
    internal Func<long, long?>? FormerStoryId { get; set; }

    /// <summary>Counts a restored story as changed, so that its title, span and count are taken again (it lost articles).</summary>
    internal void Touch(long storyId)
    {
        if (_open.ContainsKey(storyId))
        {
            _touched.Add(storyId);
        }
    }

    /// <summary>Decides the story of the next article in the stream.</summary>
    public ClusterAssignment Add(ClusterItem item) => Add(item, forcedStoryId: null);

    /// <summary>
    /// Adds an article to a story decided elsewhere (a copy joins its original's story), or decides as
    /// <see cref="Add(ClusterItem)"/> when <paramref name="forcedStoryId"/> is null or no longer open.
    /// </summary>
    public ClusterAssignment Add(ClusterItem item, long? forcedStoryId) => Add(PreparedArticle.Prepare(item, _options), forcedStoryId);

    /// <summary>As <see cref="Add(ClusterItem, long?)"/>, for an article tokenised beforehand (possibly on another thread).</summary>
    public ClusterAssignment Add(PreparedArticle prepared, long? forcedStoryId) => Add(prepared, forcedStoryId, observe: null);

    /// <summary>As <see cref="Add(PreparedArticle, long?)"/>, showing each candidate's features to <paramref name="observe"/> (on-policy training).</summary>
    internal ClusterAssignment Add(PreparedArticle prepared, long? forcedStoryId, Action<long, double[]>? observe)
    {
        ArgumentNullException.ThrowIfNull(prepared);
        var item = prepared.Item;
        Advance(item.Time);
        var profile = ArticleProfile.Build(prepared, _statistics, count: true);

        StoryState? best = null;
        var bestProbability = 0.0;
        if (forcedStoryId is { } forced && _open.TryGetValue(forced, out var forcedStory))
        {
            (best, bestProbability) = (forcedStory, 1.0);
        }
        else
        {
            foreach (var (story, features) in CandidateFeatures(profile))
            {
                observe?.Invoke(story.Id, features);
                var probability = _options.Model.Probability(features);
                if (probability > bestProbability)
                {
                    (best, bestProbability) = (story, probability);
                }
            }
        }

        var joins = best is not null && bestProbability >= _options.JoinProbability;
        var target = joins ? best! : new StoryState(FormerStoryId?.Invoke(item.Id) ?? _nextStoryId++);
        if (!joins)
        {
            _open[target.Id] = target;
        }

        target.Add(profile);
        _index.Add(target.Id, profile);
        _touched.Add(target.Id);
        return new ClusterAssignment(item.Id, target.Id, !joins, joins ? bestProbability : 0, item.Time, item.Until);
    }

    /// <summary>The candidate stories of an article with the model's probability for each (in candidate order).</summary>
    internal IEnumerable<(StoryState Story, double Probability)> Score(ArticleProfile profile)
    {
        foreach (var (story, features) in CandidateFeatures(profile))
        {
            yield return (story, _options.Model.Probability(features));
        }
    }

    /// <summary>Feature vectors of an article against its candidate stories within the window.</summary>
    internal IEnumerable<(StoryState Story, double[] Features)> CandidateFeatures(ArticleProfile profile) =>
        CandidateSelection.Features(profile, _index, _open, _options.Window, _statistics);

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

    private void Advance(DateTimeOffset? time)
    {
        if (time is not { } t || (_streamTime is { } now && t <= now))
        {
            return;
        }

        _streamTime = t;
        var horizon = t - _options.Window;
        foreach (var story in _open.Values.Where(s => s.Reach is { } reach && reach < horizon).ToList())
        {
            _open.Remove(story.Id);
            _index.Remove(story.Id);
            if (_touched.Remove(story.Id))
            {
                _closedTouched.Add(story);
            }
        }
    }
}
