using System.Text.Encodings.Web;
using System.Text.Json;
using Storyline.Tests.Cli;

namespace Storyline.Tests.Comparison;

/// <summary>
/// The whole comparison of the two seeds against <c>Data/comparison/seeds.json</c>, which was checked line by line
/// against the two texts (see the file's notes in docs/comparison.md).
/// </summary>
public sealed class SeedComparisonTests
{
    [Fact]
    public void Comparing_the_seeds_gives_the_checked_comparison()
    {
        using var temp = new TempDirectory();
        var db = temp.File("s.db");
        CliRunner.Run("ingest", TestPaths.Samples("000_6c0088076a9363ac.txt"), TestPaths.Samples("001_189017ad2c526773.txt"), "--db", db);

        var result = CliRunner.Run("compare", "1", "--json", "--db", db);

        Assert.Equal(0, result.ExitCode);
        var actual = Indented(result.Output).Split('\n');
        var expected = File.ReadAllText(TestPaths.Data("comparison", "seeds.json")).TrimEnd('\n').Split('\n');
        for (var i = 0; i < Math.Min(actual.Length, expected.Length); i++)
        {
            Assert.True(expected[i] == actual[i], $"line {i + 1}: expected\n{expected[i]}\nbut got\n{actual[i]}");
        }

        Assert.Equal(expected.Length, actual.Length);
    }

    /// <summary>The one-line JSON, indented, one value a line, so that the expected file can be read and checked by line.</summary>
    internal static string Indented(string json)
    {
        using var document = JsonDocument.Parse(json);
        using var stream = new MemoryStream();
        using (var writer = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            document.WriteTo(writer);
        }

        return System.Text.Encoding.UTF8.GetString(stream.ToArray()).ReplaceLineEndings("\n");
    }
}
