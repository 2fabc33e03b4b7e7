namespace Storyline.Cli;

/// <summary>The exit codes of DESIGN.md.</summary>
internal static class ExitCodes
{
    public const int Success = 0;
    public const int SomeInputsFailed = 1;
    public const int Usage = 2;
}
