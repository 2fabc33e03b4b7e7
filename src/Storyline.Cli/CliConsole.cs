namespace Storyline.Cli;

/// <summary>The streams a command uses, so that tests can run the CLI in-process.</summary>
internal sealed record CliConsole(TextReader Input, TextWriter Output, TextWriter Error)
{
    /// <summary>True when stdout is the real console attached to a terminal (reports are coloured only then).</summary>
    public bool OutputIsTerminal => ReferenceEquals(Output, Console.Out) && !Console.IsOutputRedirected;

    /// <summary>True when stderr is the real console attached to a terminal (progress is drawn only then).</summary>
    public bool ErrorIsTerminal => ReferenceEquals(Error, Console.Error) && !Console.IsErrorRedirected;
}
