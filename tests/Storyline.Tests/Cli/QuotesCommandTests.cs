using System.Text.Json;

namespace Storyline.Tests.Cli;

public sealed class QuotesCommandTests
{
    [Fact]
    public void Json_lines_carry_the_id_and_offsets_into_the_jsonl_text()
    {
        const string text = "Intro line.\n\n\n  “We will win this fight in the courts,”   Maria Lopez said.";
        var input = JsonSerializer.Serialize(new { id = "a1", text }) + "\n";
        var result = CliRunner.RunWithInput(input, "quotes", "-", "--json");
        Assert.Equal(0, result.ExitCode);
        using var line = JsonDocument.Parse(Assert.Single(result.Output.Split('\n', StringSplitOptions.RemoveEmptyEntries)));
        var root = line.RootElement;
        Assert.Equal("a1", root.GetProperty("id").GetString());
        var start = root.GetProperty("start").GetInt32();
        var end = root.GetProperty("end").GetInt32();
        Assert.Equal(root.GetProperty("quote").GetString(), text[start..end]);
        Assert.Equal("Maria Lopez", root.GetProperty("speaker").GetString());
        Assert.Equal("Maria Lopez", text[root.GetProperty("speaker_start").GetInt32()..root.GetProperty("speaker_end").GetInt32()]);
        Assert.Equal("said", root.GetProperty("cue").GetString());
        Assert.Equal("said", text[root.GetProperty("cue_start").GetInt32()..root.GetProperty("cue_end").GetInt32()]);
        Assert.True(root.GetProperty("direct").GetBoolean());
    }

    [Fact]
    public void The_parts_of_one_statement_share_their_cue_offsets_into_the_file()
    {
        var path = TestPaths.Samples("001_189017ad2c526773.txt");
        var file = File.ReadAllText(path);
        var result = CliRunner.Run("quotes", path, "--json");
        Assert.Equal(0, result.ExitCode);
        var peskov = result.Output.Split('\n', StringSplitOptions.RemoveEmptyEntries)
            .Select(line => JsonDocument.Parse(line).RootElement)
            .Where(root => root.GetProperty("quote").GetString()!.Contains("domestic issue", StringComparison.Ordinal)
                || root.GetProperty("quote").GetString()!.Contains("on his own", StringComparison.Ordinal))
            .ToList();
        Assert.Equal(2, peskov.Count);
        var cueStart = peskov[0].GetProperty("cue_start").GetInt32();
        Assert.All(peskov, root => Assert.Equal(cueStart, root.GetProperty("cue_start").GetInt32()));
        Assert.Equal("told", file[cueStart..peskov[0].GetProperty("cue_end").GetInt32()]);
    }

    [Fact]
    public void Offsets_point_into_a_text_file_as_given_header_lines_included()
    {
        var path = TestPaths.Samples("001_189017ad2c526773.txt");
        var file = File.ReadAllText(path);
        var result = CliRunner.Run("quotes", path, "--json");
        Assert.Equal(0, result.ExitCode);
        var lines = result.Output.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.NotEmpty(lines);
        foreach (var text in lines)
        {
            using var line = JsonDocument.Parse(text);
            var root = line.RootElement;
            Assert.Equal(path, root.GetProperty("path").GetString());
            Assert.Equal(root.GetProperty("quote").GetString(), file[root.GetProperty("start").GetInt32()..root.GetProperty("end").GetInt32()]);
        }
    }

    [Fact]
    public void Text_output_groups_seed_quotes_by_speaker()
    {
        var result = CliRunner.Run("quotes", TestPaths.Samples("000_6c0088076a9363ac.txt"));
        Assert.Equal(0, result.ExitCode);
        Assert.Contains("Dmitry Peskov:", result.Output, StringComparison.Ordinal);
        Assert.Contains("Dmitry Novikov:", result.Output, StringComparison.Ordinal);
    }

    [Fact]
    public void Missing_inputs_exit_1_and_usage_errors_exit_2()
    {
        var missing = CliRunner.Run("quotes", Path.Combine(Path.GetTempPath(), "no-such-file-storyline-quotes.txt"));
        Assert.Equal(1, missing.ExitCode);
        Assert.Contains("no-such-file-storyline-quotes", missing.Error, StringComparison.Ordinal);
        Assert.Equal(2, CliRunner.Run("quotes").ExitCode);
    }
}
