namespace Storyline.Storage;

/// <summary>An article as listed from the store.</summary>
/// <param name="Id">Row id in the store.</param>
/// <param name="ExternalId">The id its input gave it.</param>
/// <param name="Outlet">Its outlet, if known.</param>
/// <param name="Title">Its title.</param>
/// <param name="Published">Publication time in ISO 8601 at the source's precision, if known.</param>
/// <param name="Url">Its URL, if known.</param>
/// <param name="Source">The input it was read from.</param>
public sealed record StoredArticle(long Id, string ExternalId, string? Outlet, string? Title, string? Published, string? Url, string Source);
