namespace Storyline.Clustering;

/// <summary>
/// Where a candidate story stands among an article's candidates, by combined cosine. A story that fits
/// well but less well than another is weaker evidence than the same cosine from the only good fit.
/// </summary>
/// <param name="Cosine">Its combined cosine with the article (computed once, for the ranking).</param>
/// <param name="BehindBest">How far its cosine is behind the best candidate's (0 for the best).</param>
/// <param name="IsBest">Whether it is the best candidate.</param>
/// <param name="BestLead">The best candidate's lead over the second (over 0 when it is alone).</param>
internal readonly record struct CandidateRank(double Cosine, double BehindBest, bool IsBest, double BestLead);
