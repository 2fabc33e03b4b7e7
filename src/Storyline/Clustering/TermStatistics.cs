using System.Collections.Concurrent;

namespace Storyline.Clustering;

/// <summary>
/// Document frequencies of terms over every article seen so far, for IDF weights, and the vocabulary
/// that numbers the terms for fast vector arithmetic. Persisted by the store (by term text) so that later
/// ingests weigh terms as earlier ones did. Not thread-safe.
/// </summary>
public sealed class TermStatistics
{
    // Concurrent only so that preparing threads can look terms up (KnownId) while grouping's thread numbers new ones.
    private readonly ConcurrentDictionary<string, int> _ids;
    private readonly List<string> _terms = [];
    private readonly List<int> _documentFrequency = [];

    // The increase of each term's frequency since the last TakeChanges (by id), and the ids increased, in the
    // order first increased: two array operations per term of a document instead of a hash lookup.
    private readonly List<int> _increase = [];
    private readonly List<int> _increased = [];

    /// <summary>Empty statistics.</summary>
    public TermStatistics()
        : this(new Dictionary<string, int>(StringComparer.Ordinal), 0)
    {
    }

    /// <summary>Statistics restored from storage.</summary>
    public TermStatistics(Dictionary<string, int> documentFrequency, long documentCount)
    {
        ArgumentNullException.ThrowIfNull(documentFrequency);
        _ids = new ConcurrentDictionary<string, int>(Environment.ProcessorCount, documentFrequency.Count, StringComparer.Ordinal);
        foreach (var (term, df) in documentFrequency)
        {
            _documentFrequency[Id(term)] = df;
        }

        DocumentCount = documentCount;
    }

    /// <summary>How many documents have been counted.</summary>
    public long DocumentCount { get; private set; }

    /// <summary>How many distinct terms are known.</summary>
    public int TermCount => _terms.Count;

    /// <summary>Terms whose frequency changed since the last <see cref="TakeChanges"/>, with the change (an increase, or a decrease after <see cref="RemoveDocument"/>).</summary>
    public IReadOnlyDictionary<string, int> PendingChanges => Changes();

    /// <summary>Counts one document with the given distinct terms.</summary>
    public void AddDocument(IEnumerable<string> distinctTerms)
    {
        ArgumentNullException.ThrowIfNull(distinctTerms);
        AddDocument([.. distinctTerms.Select(Id)]);
    }

    /// <summary>
    /// Uncounts a document counted before with these distinct terms (an article taken out of its story to be grouped
    /// again); the decreases are pending changes like increases.
    /// </summary>
    public void RemoveDocument(IEnumerable<string> distinctTerms)
    {
        ArgumentNullException.ThrowIfNull(distinctTerms);
        DocumentCount = Math.Max(0, DocumentCount - 1);
        foreach (var id in distinctTerms.Select(Id))
        {
            if (_documentFrequency[id] == 0)
            {
                continue; // never counted (statistics from before the term was kept)
            }

            _documentFrequency[id]--;
            if (_increase[id]-- == 0)
            {
                _increased.Add(id); // may list an id twice, when its change crosses 0 again: Changes() takes it once
            }
        }
    }

    /// <summary>Smoothed inverse document frequency: ln((N + 1) / (df + 1)) + 1.</summary>
    public double Idf(string term) => Idf(_ids.TryGetValue(term, out var id) ? _documentFrequency[id] : 0);

    /// <summary>Returns and clears the changes since the last call (for the store to persist).</summary>
    public Dictionary<string, int> TakeChanges()
    {
        var changes = Changes();
        foreach (var id in _increased)
        {
            _increase[id] = 0;
        }

        _increased.Clear();
        return changes;
    }

    /// <summary><see cref="AddDocument(IEnumerable{string})"/> for terms numbered already (<see cref="Id"/>), distinct.</summary>
    internal void AddDocument(ReadOnlySpan<int> distinctIds)
    {
        DocumentCount++;
        foreach (var id in distinctIds)
        {
            _documentFrequency[id]++;
            if (_increase[id]++ == 0)
            {
                _increased.Add(id);
            }
        }
    }

    /// <summary>The pending changes by term, each id once (see <see cref="RemoveDocument"/>).</summary>
    private Dictionary<string, int> Changes()
    {
        var changes = new Dictionary<string, int>(_increased.Count, StringComparer.Ordinal);
        foreach (var id in _increased)
        {
            changes[_terms[id]] = _increase[id];
        }

        return changes;
    }

    /// <summary>
    /// The number of a term already in the vocabulary, or −1; safe to call from any thread, also while another adds
    /// terms. A number once given never changes, so a term found here has the number <see cref="Id"/> gives it later.
    /// </summary>
    internal int KnownId(string term) => _ids.TryGetValue(term, out var id) ? id : -1;

    /// <summary>The number of a term, added to the vocabulary (with frequency 0) if new.</summary>
    internal int Id(string term)
    {
        if (!_ids.TryGetValue(term, out var id))
        {
            id = _terms.Count;
            _ids[term] = id;
            _terms.Add(term);
            _documentFrequency.Add(0);
            _increase.Add(0);
        }

        return id;
    }

    /// <summary>Documents a term occurs in (0 for an unknown term); safe to call from any thread while nothing is added.</summary>
    internal int DocumentFrequency(string term) => _ids.TryGetValue(term, out var id) ? _documentFrequency[id] : 0;

    /// <summary>IDF of a term by number.</summary>
    internal double IdfOf(int id) => Idf(_documentFrequency[id]);

    private double Idf(int documentFrequency) => Math.Log((DocumentCount + 1.0) / (documentFrequency + 1.0)) + 1.0;
}
