namespace Storyline.Reading;

/// <summary>One item produced by a reader: a document, or a problem with one input.</summary>
public readonly struct ReadResult
{
    private ReadResult(RawDocument? document, InputProblem? problem)
    {
        Document = document;
        Problem = problem;
    }

    /// <summary>The document read, or null when this result is a problem.</summary>
    public RawDocument? Document { get; }

    /// <summary>The problem, or null when a document was read.</summary>
    public InputProblem? Problem { get; }

    /// <summary>A result carrying a document.</summary>
    public static ReadResult Of(RawDocument document) => new(document, null);

    /// <summary>A result carrying a failed input.</summary>
    public static ReadResult Failed(string source, string reason) => new(null, new InputProblem(source, reason));

    /// <summary>A result carrying an input skipped on purpose.</summary>
    public static ReadResult Skipped(string source, string reason) => new(null, new InputProblem(source, reason, IsWarning: true));
}
