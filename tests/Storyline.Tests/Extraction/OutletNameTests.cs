using Microsoft.Data.Sqlite;
using Storyline.Extraction;

namespace Storyline.Tests.Extraction;

public sealed class OutletNameTests
{
    private static readonly string[] Tricky =
    [
        "Law360 \\(subscription\\)", "Yahoo\\!7 News", "24\\/7 Wall St.", "AT\\&T Blog", "  Reuters  ", "Plain Name",
        "C:\\Temp", "a\\\\(b", "\\", "end\\", "\\\\\\(x", "It\\'s News", "quote\\\"d", "x\\y\\z", "\\(\\)\\[\\]\\{\\}",
    ];

    [Theory]
    [InlineData("Law360 \\(subscription\\)", "Law360 (subscription)")]
    [InlineData("Yahoo\\!7 News", "Yahoo!7 News")]
    [InlineData("24\\/7 Wall St.", "24/7 Wall St.")]
    [InlineData("  Reuters ", "Reuters")]
    [InlineData("C:\\Temp", "C:\\Temp")]
    [InlineData("a\\\\(b", "a\\(b")]
    [InlineData("end\\", "end\\")]
    public void Backslash_escapes_of_punctuation_are_dropped_and_nothing_else_changes(string given, string expected) =>
        Assert.Equal(expected, OutletName.Clean(given));

    [Fact]
    public void Extraction_gives_the_clean_name()
    {
        const string line = """{"id": "u1", "outlet": "Law360 \\(subscription\\)", "title": "Mt. Gox files for bankruptcy", "url": "http://www.law360.com/articles/1"}""";
        var result = Storyline.Tests.Cli.CliRunner.RunWithInput(line + "\n", "extract", "-", "--json");

        Assert.Equal(0, result.ExitCode);
        using var json = System.Text.Json.JsonDocument.Parse(result.Output.Trim());
        Assert.Equal("Law360 (subscription)", json.RootElement.GetProperty("outlet").GetString());
    }

    [Fact]
    public void Blank_names_are_no_name() =>
        Assert.All(new[] { null, "", "   " }, n => Assert.Null(OutletName.Clean(n)));

    [Fact]
    public void The_sql_expression_cleans_exactly_as_the_code_does()
    {
        using var connection = new SqliteConnection("Data Source=:memory:");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = $"SELECT {OutletName.SqlExpression("$name")};";
        var name = command.Parameters.Add("$name", SqliteType.Text);
        foreach (var given in Tricky)
        {
            name.Value = given.Trim();
            Assert.Equal(OutletName.Clean(given), (string)command.ExecuteScalar()!);
        }
    }
}
