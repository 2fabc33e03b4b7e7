namespace Storyline.Reading;

/// <summary>An input that could not be used, or was skipped, with the reason.</summary>
/// <param name="Source">The input: a path, <c>path:line</c>, or <c>-</c> for standard input.</param>
/// <param name="Reason">Why, in words a user can act on.</param>
/// <param name="IsWarning">True when the input was skipped on purpose (an unknown file type), not failed.</param>
public sealed record InputProblem(string Source, string Reason, bool IsWarning = false)
{
    /// <summary>The problem as printed on stderr: <c>SOURCE: reason</c>.</summary>
    public override string ToString() => IsWarning ? $"{Source}: warning: {Reason}" : $"{Source}: {Reason}";
}
