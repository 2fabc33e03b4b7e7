using Storyline.Reading;

namespace Storyline;

/// <summary>What an ingest did.</summary>
public sealed class IngestReport
{
    /// <summary>Documents read (each JSONL line counts as one).</summary>
    public int Read { get; internal set; }

    /// <summary>New articles stored.</summary>
    public int Stored { get; internal set; }

    /// <summary>Documents already stored (same content, or same outlet and id), or repeated within this batch.</summary>
    public int Duplicates { get; internal set; }

    /// <summary>Inputs that failed (unreadable, malformed, no article).</summary>
    public int Failed { get; internal set; }

    /// <summary>Inputs skipped on purpose, each reported: an unknown type, an empty or special file, a link or directory not followed.</summary>
    public int Skipped { get; internal set; }

    /// <summary>Articles found to copy an earlier one (reprints, reposts, light edits), among the batch and the articles it regrouped.</summary>
    public int CopiesFound { get; internal set; }

    /// <summary>Stories started by this ingest.</summary>
    public int StoriesCreated { get; internal set; }

    /// <summary>Existing stories that gained articles, or lost some to a regrouping and were formed again.</summary>
    public int StoriesUpdated { get; internal set; }

    /// <summary>
    /// Stored articles grouped again together with this batch, because it reached back among them (an older batch, or
    /// one overlapping the latest stored times): their copies and stories are as one ingest of everything gives.
    /// </summary>
    public int Regrouped { get; internal set; }

    /// <summary>
    /// The first <see cref="MaxKeptProblems"/> failures and warnings, in the order met (a corpus of millions of bad lines
    /// must not be held in memory); <see cref="ProblemsLeftOut"/> counts the rest.
    /// </summary>
    public List<InputProblem> Problems { get; } = [];

    /// <summary>Failures and warnings met beyond the <see cref="MaxKeptProblems"/> kept in <see cref="Problems"/>.</summary>
    public int ProblemsLeftOut { get; internal set; }

    /// <summary>How many problems a report keeps.</summary>
    public const int MaxKeptProblems = 100;

    /// <summary>Keeps a problem, or counts it once <see cref="MaxKeptProblems"/> are kept.</summary>
    internal void Keep(InputProblem problem)
    {
        if (Problems.Count < MaxKeptProblems)
        {
            Problems.Add(problem);
        }
        else
        {
            ProblemsLeftOut++;
        }
    }

    /// <summary>One line: <c>read N, stored N, duplicates N, failed N</c>.</summary>
    public override string ToString() =>
        $"read {Read}, stored {Stored}, duplicates {Duplicates}, failed {Failed}" +
        (Skipped > 0 ? $", skipped {Skipped}" : string.Empty) +
        $"; copies {CopiesFound}; stories: {StoriesCreated} new, {StoriesUpdated} updated" +
        (Regrouped > 0 ? $"; {Regrouped} stored articles regrouped with the batch" : string.Empty);
}
