using System.Text.Json;
using Storyline.Cli;

namespace Storyline.Tests.Cli;

/// <summary>
/// Text from documents (titles, outlets, URLs, ids, quotes, file names) never reaches the terminal raw: an ESC,
/// BEL, C1 or bidi control in a title could clear the screen, set the window title or write the clipboard
/// (OSC 52). Human-readable output shows such characters escaped; JSON output escapes them as JSON does.
/// </summary>
public sealed class TerminalInjectionTests
{
    /// <summary>OSC 52 clipboard write, screen clearing, a C1 CSI, a right-to-left override and isolate, a line separator, DEL.</summary>
    private const string Hostile = "\u001b]52;c;aGVsbG8=\u0007\u001b[2J\u009b31m\u202eevil\u2066x\u2028y\u007f";

    private const string HostileJson = @"\u001b]52;c;aGVsbG8=\u0007\u001b[2J\u009b31m\u202eevil\u2066x\u2028y\u007f";

    [Theory]
    [InlineData("\u001b[2J", @"\x1b[2J")]
    [InlineData("bell\u0007", @"bell\x07")]
    [InlineData("a\nb\r\tc", @"a\nb\r\tc")]
    [InlineData("csi\u009b", @"csi\x9b")]
    [InlineData("del\u007f", @"del\x7f")]
    [InlineData("\u202eabc\u202c", @"\u202eabc\u202c")]
    [InlineData("\u2066\u2069", @"\u2066\u2069")]
    [InlineData("line\u2028para\u2029", @"line\u2028para\u2029")]
    [InlineData("Müller says 中文 — “quoted” 🙂", "Müller says 中文 — “quoted” 🙂")]
    [InlineData("", "")]
    public void Safe_escapes_controls_and_keeps_ordinary_text(string text, string expected) =>
        Assert.Equal(expected, TerminalText.Safe(text));

    [Fact]
    public void Safe_of_null_is_empty_and_safe_lines_keeps_newlines_only()
    {
        Assert.Equal(string.Empty, TerminalText.Safe(null));
        Assert.Equal("one\ntwo\\r\\x1b[2J", TerminalText.SafeLines("one\ntwo\r\u001b[2J"));
    }

    [Fact]
    public void Stories_show_and_search_escape_hostile_titles_outlets_urls_and_ids()
    {
        using var temp = new TempDirectory();
        var db = temp.File("s.db");
        var ingest = CliRunner.RunWithInput(HostileItem("h1") + "\n" + HostileItem("h2") + "\n", "ingest", "-", "--db", db);
        Assert.Equal(0, ingest.ExitCode);

        var stories = CliRunner.Run("stories", "--db", db);
        var show = CliRunner.Run("show", "1", "--db", db);
        var search = CliRunner.Run("search", "volcano", "--db", db);

        foreach (var result in new[] { stories, show, search })
        {
            Assert.Equal(0, result.ExitCode);
            AssertTerminalSafe(result.Output);
            Assert.Contains(@"\x1b]52;c;aGVsbG8=\x07", result.Output, StringComparison.Ordinal);
        }

        Assert.Contains(@"\u202e", show.Output, StringComparison.Ordinal);
        Assert.Contains(@"id h1\x1b[2J", show.Output, StringComparison.Ordinal);
        Assert.Contains(@"https://example.com/\x1b[2J", show.Output, StringComparison.Ordinal);
    }

    [Fact]
    public void Json_output_escapes_controls_and_round_trips_the_text()
    {
        using var temp = new TempDirectory();
        var db = temp.File("s.db");
        CliRunner.RunWithInput(HostileItem("h1") + "\n", "ingest", "-", "--db", db);

        foreach (var args in new[] { new[] { "stories", "--json" }, ["show", "1", "--json"], ["search", "volcano", "--json"] })
        {
            var result = CliRunner.Run([.. args, "--db", db]);

            Assert.Equal(0, result.ExitCode);
            AssertTerminalSafe(result.Output);
            var line = JsonDocument.Parse(result.Output).RootElement;
            var outlet = line.TryGetProperty("articles", out var articles) ? articles[0].GetProperty("outlet") : line.GetProperty("outlet");
            Assert.Equal("Outlet " + Hostile, outlet.GetString());
        }
    }

    [Fact]
    public void Extract_quotes_and_entities_escape_document_text()
    {
        using var temp = new TempDirectory();
        var input = temp.Write("items.jsonl", HostileItem("h1") + "\n");

        foreach (var command in new[] { "extract", "quotes", "entities" })
        {
            var result = CliRunner.Run(command, input);

            Assert.Equal(0, result.ExitCode);
            AssertTerminalSafe(result.Output);
            if (command != "entities")
            {
                Assert.Contains(@"\x1b", result.Output, StringComparison.Ordinal);
            }
        }
    }

    [Fact]
    public void A_file_name_with_a_newline_and_escapes_stays_on_its_error_line()
    {
        using var temp = new TempDirectory();
        var bad = temp.Write("bad\n\u001b]0;owned\u0007.jsonl", "{not json\n");
        var db = temp.File("s.db");

        var ingest = CliRunner.Run("ingest", bad, "--db", db);
        var extract = CliRunner.Run("extract", bad);

        foreach (var result in new[] { ingest, extract })
        {
            Assert.Equal(1, result.ExitCode);
            AssertTerminalSafe(result.Error);
            var line = Assert.Single(result.Error.Split('\n', StringSplitOptions.RemoveEmptyEntries), l => l.Contains("bad", StringComparison.Ordinal));
            Assert.Contains(@"bad\n\x1b]0;owned\x07.jsonl", line, StringComparison.Ordinal);
        }
    }

    private static string HostileItem(string id) =>
        $$"""{"id": "{{id}}\u001b[2J", "outlet": "Outlet {{HostileJson}}", "url": "https://example.com/\u001b[2J{{id}}", "published": "2024-03-01T10:00:00Z", "title": "Volcano {{HostileJson}}", "text": "The volcano erupted on Monday, officials said. \"We are evacuating {{HostileJson}}\", said Maria Lopez, the mayor of Quito."}""";

    /// <summary>No character that could drive a terminal: only newlines and the printers' own tab separators.</summary>
    private static void AssertTerminalSafe(string output)
    {
        foreach (var c in output.ReplaceLineEndings("\n"))
        {
            var unsafeChar = c is not '\n' and not '\t' && (c < ' ' || c is >= '\u007f' and <= '\u009f' or >= '\u202a' and <= '\u202e' or >= '\u2066' and <= '\u2069' or '\u2028' or '\u2029');
            Assert.False(unsafeChar, $"raw U+{(int)c:X4} in output: {output}");
        }
    }
}
