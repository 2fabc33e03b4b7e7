namespace Storyline.Clustering;

/// <summary>
/// Document frequencies of terms over every article seen so far, for IDF weights. Persisted by the
/// store so that later ingests weigh terms as earlier ones did. Not thread-safe.
/// </summary>
public sealed class TermStatistics
{
    private readonly Dictionary<string, int> _documentFrequency;
    private readonly Dictionary<string, int> _changes = new(StringComparer.Ordinal);

    /// <summary>Empty statistics.</summary>
    public TermStatistics()
        : this(new Dictionary<string, int>(StringComparer.Ordinal), 0)
    {
    }

    /// <summary>Statistics restored from storage.</summary>
    public TermStatistics(Dictionary<string, int> documentFrequency, long documentCount)
    {
        _documentFrequency = documentFrequency ?? throw new ArgumentNullException(nameof(documentFrequency));
        DocumentCount = documentCount;
    }

    /// <summary>How many documents have been counted.</summary>
    public long DocumentCount { get; private set; }

    /// <summary>How many distinct terms are known.</summary>
    public int TermCount => _documentFrequency.Count;

    /// <summary>Terms whose frequency changed since the last <see cref="TakeChanges"/>, with the increase.</summary>
    public IReadOnlyDictionary<string, int> PendingChanges => _changes;

    /// <summary>Counts one document with the given distinct terms.</summary>
    public void AddDocument(IEnumerable<string> distinctTerms)
    {
        ArgumentNullException.ThrowIfNull(distinctTerms);
        DocumentCount++;
        foreach (var term in distinctTerms)
        {
            _documentFrequency[term] = _documentFrequency.GetValueOrDefault(term) + 1;
            _changes[term] = _changes.GetValueOrDefault(term) + 1;
        }
    }

    /// <summary>Smoothed inverse document frequency: ln((N + 1) / (df + 1)) + 1.</summary>
    public double Idf(string term) =>
        Math.Log((DocumentCount + 1.0) / (_documentFrequency.GetValueOrDefault(term) + 1.0)) + 1.0;

    /// <summary>Returns and clears the changes since the last call (for the store to persist).</summary>
    public Dictionary<string, int> TakeChanges()
    {
        var changes = new Dictionary<string, int>(_changes, StringComparer.Ordinal);
        _changes.Clear();
        return changes;
    }
}
