using Storyline.Analysis.Entities;

namespace Storyline.Storage;

/// <summary>What a story's articles say, summed up: the entities they name and the sources each outlet cites.</summary>
/// <param name="Entities">Each entity (by canonical name and type) with how many articles and mentions name it, most-named first.</param>
/// <param name="SourcesByOutlet">Each outlet (null when unknown) with the sources its articles cite.</param>
/// <param name="Quotes">The story's quotes in article and text order (speaker null when unattributed).</param>
public sealed record StoryDetails(
    IReadOnlyList<(EntityType Type, string Name, int Articles, int Mentions)> Entities,
    IReadOnlyList<(string? Outlet, IReadOnlyList<string> Sources)> SourcesByOutlet,
    IReadOnlyList<StoryQuote> Quotes);
