using Storyline.Cli;

namespace Storyline.Tests.Cli;

/// <summary>Runs the CLI in-process and captures its streams.</summary>
internal static class CliRunner
{
    public sealed record Result(int ExitCode, string Output, string Error);

    public static Result Run(params string[] args) => RunWithInput(string.Empty, args);

    public static Result RunWithInput(string input, params string[] args)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var code = StorylineCli.Run(args, new StringReader(input), output, error);
        return new Result(code, output.ToString(), error.ToString());
    }
}
