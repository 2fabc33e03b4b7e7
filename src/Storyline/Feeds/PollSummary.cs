namespace Storyline.Feeds;

/// <summary>What one poll did: feeds polled, unchanged, new articles stored, failures (with their reasons).</summary>
public sealed class PollSummary
{
    /// <summary>Feeds requested.</summary>
    public int Polled { get; internal set; }

    /// <summary>Feeds that had not changed (304, or the same body again).</summary>
    public int NotModified { get; internal set; }

    /// <summary>Entries taken in that were not known before (new, or edited).</summary>
    public int NewEntries { get; internal set; }

    /// <summary>Articles stored (new entries less duplicates and failures).</summary>
    public int NewArticles { get; internal set; }

    /// <summary>Article pages fetched for teaser entries.</summary>
    public int PagesFetched { get; internal set; }

    /// <summary>Feeds whose poll failed, with the reason.</summary>
    public List<FeedFailure> Failures { get; } = [];

    /// <summary>Entries that could not be stored (extraction failures), with the reason.</summary>
    public List<Reading.InputProblem> Problems { get; } = [];

    /// <summary>The summary line: <c>polled N, not modified N, new articles N, failures N</c>.</summary>
    public override string ToString() =>
        $"polled {Polled}, not modified {NotModified}, new articles {NewArticles}, failures {Failures.Count}";
}

/// <summary>A feed whose poll failed.</summary>
/// <param name="Url">The feed.</param>
/// <param name="Reason">Why, in words.</param>
/// <param name="ConsecutiveErrors">Polls failed in a row, this one included.</param>
/// <param name="NextDue">When it will be tried again.</param>
public sealed record FeedFailure(string Url, string Reason, int ConsecutiveErrors, DateTimeOffset NextDue)
{
    /// <inheritdoc />
    public override string ToString() => $"{Url}: {Reason}";
}
