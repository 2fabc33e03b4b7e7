namespace Storyline.Storage;

/// <summary>An article as listed from the store.</summary>
/// <param name="Id">Row id in the store.</param>
/// <param name="ExternalId">The id its input gave it.</param>
/// <param name="Outlet">Its outlet, if known.</param>
/// <param name="Title">Its title.</param>
/// <param name="Published">Publication time in ISO 8601 at the source's precision, if known.</param>
/// <param name="Url">Its URL, if known.</param>
/// <param name="Source">The input it was read from.</param>
public sealed record StoredArticle(long Id, string ExternalId, string? Outlet, string? Title, string? Published, string? Url, string Source)
{
    /// <summary>The external id of the article this one copies, when it is a copy.</summary>
    public string? CopyOf { get; init; }

    /// <summary>The outlet the article says it first appeared in ("The post … appeared first on X"), when it says so.</summary>
    public string? SyndicationOrigin { get; init; }

    /// <summary>Row id of the article this one copies, when it is a copy.</summary>
    public long? CopyOfId { get; init; }

    /// <summary>Other places the identical text was published: <c>(outlet, url, id)</c> of each exact duplicate.</summary>
    public IReadOnlyList<(string? Outlet, string? Url, string ExternalId)> AlsoAt { get; init; } = [];
}
