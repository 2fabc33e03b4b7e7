using Storyline.Extraction;
using Storyline.Reading;
using Storyline.Storage;

namespace Storyline;

/// <summary>
/// Decides, for each article one ingest extracts, whether it is new: not when its text is already stored or met earlier
/// in the run, nor when its outlet is known and its declared id (JSONL <c>id</c>, a text header <c>id</c>) is already
/// that outlet's. A derived id (a file's name, a JSONL line's number) identifies nothing, so two different texts that
/// share one are both kept; since the store holds one article per outlet and id, a new text whose derived id another
/// text of its outlet already has is stored under the first free numbered form (<c>index~2</c>), with a warning.
/// </summary>
internal sealed class IngestDuplicates(IStoryStore store)
{
    private readonly HashSet<string> _hashes = new(StringComparer.Ordinal);
    private readonly HashSet<(string Outlet, string Id)> _ids = [];
    private readonly Dictionary<(string Outlet, string Id), int> _nextNumber = [];

    /// <summary>
    /// True when <paramref name="article"/> is new; then <paramref name="toStore"/> is the article to store: itself, or
    /// renamed when its derived id was taken, which <paramref name="renamed"/> says. Must be asked in input order (the
    /// first of two copies is the new one).
    /// </summary>
    public bool IsNew(Article article, string hash, out Article toStore, out InputProblem? renamed)
    {
        toStore = article;
        renamed = null;
        if (article.Outlet is { } outlet && !article.IdDerived && !_ids.Add((outlet, article.ExternalId)))
        {
            return false;
        }

        if (!_hashes.Add(hash) || store.FindDuplicate(hash, article.Outlet, article.ExternalId, article.Url, article.IdDerived) is not null)
        {
            return false;
        }

        if (article.Outlet is { } derivedOutlet && article.IdDerived)
        {
            var id = FreeId(article.ExternalId, derivedOutlet, hash);
            if (id != article.ExternalId)
            {
                toStore = article.WithExternalId(id);
                renamed = new InputProblem(
                    article.Source, $"another text of {derivedOutlet} already has the id \"{article.ExternalId}\"; stored as \"{id}\"", IsWarning: true);
            }
        }

        return true;
    }

    /// <summary>
    /// For an article <see cref="IsNew"/> refused: the stored article with its text when that is another source's (to
    /// be recorded as another place it was published), else null. Ask after the articles before it are stored.
    /// </summary>
    public DuplicateMatch? OtherSource(Article article, string hash) =>
        store.FindDuplicate(hash, article.Outlet, article.ExternalId, article.Url, article.IdDerived) is { SameSource: false } match ? match : null;

    /// <summary>The derived id, or the first numbered form of it no article of the outlet has; taken for this run.</summary>
    private string FreeId(string id, string outlet, string hash)
    {
        var key = (outlet, id);
        // The hash is not stored (checked before), so Contains answers for the outlet and id alone.
        var number = _nextNumber.GetValueOrDefault(key, 1);
        while (true)
        {
            var candidate = number == 1 ? id : $"{id}~{number}";
            number++;
            if (_ids.Add((outlet, candidate)) && !store.Contains(hash, outlet, candidate))
            {
                _nextNumber[key] = number;
                return candidate;
            }
        }
    }
}
