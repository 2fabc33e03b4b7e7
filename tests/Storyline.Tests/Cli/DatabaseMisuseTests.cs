using System.Security.Cryptography;
using Microsoft.Data.Sqlite;
using Storyline.Storage;

namespace Storyline.Tests.Cli;

/// <summary>
/// A wrong, missing, corrupt or foreign database is one line <c>storyline: …</c> and exit 2, never a stack trace;
/// reading commands neither create nor write a database; response files are off.
/// </summary>
public sealed class DatabaseMisuseTests
{
    [Theory]
    [InlineData("stories")]
    [InlineData("search", "asylum")]
    [InlineData("show", "1")]
    public void A_reading_command_on_a_mistyped_database_says_it_does_not_exist_and_creates_nothing(params string[] command)
    {
        using var temp = new TempDirectory();
        var db = temp.File("storylnie.db");

        var result = CliRunner.Run([.. command, "--db", db]);

        Assert.Equal(2, result.ExitCode);
        Assert.Equal($"storyline: {db}: no such database (create one with 'storyline ingest' or 'storyline feeds add')", result.Error.TrimEnd());
        Assert.False(File.Exists(db));
    }

    [Theory]
    [InlineData("stories")]
    [InlineData("ingest", "SAMPLE")]
    public void An_empty_or_directory_database_path_is_one_line_and_exit_2(params string[] command)
    {
        using var temp = new TempDirectory();
        var args = command.Select(a => a == "SAMPLE" ? TestPaths.Samples("001_189017ad2c526773.txt") : a).ToArray();

        var empty = CliRunner.Run([.. args, "--db", ""]);
        var directory = CliRunner.Run([.. args, "--db", temp.Path]);

        Assert.Equal(2, empty.ExitCode);
        Assert.Equal("storyline: the database path is empty (--db names the file)", empty.Error.TrimEnd());
        Assert.Equal(2, directory.ExitCode);
        Assert.Equal($"storyline: {temp.Path}: is a directory, not a database file", directory.Error.TrimEnd());
    }

    [Theory]
    [InlineData("stories")]
    [InlineData("search", "asylum")]
    [InlineData("ingest", "SAMPLE")]
    public void A_corrupt_database_is_one_line_and_exit_2(params string[] command)
    {
        using var temp = new TempDirectory();
        var db = temp.Write("corrupt.db", Enumerable.Range(0, 8192).Select(i => (byte)(i * 7 % 251)).ToArray());
        var args = command.Select(a => a == "SAMPLE" ? TestPaths.Samples("001_189017ad2c526773.txt") : a).ToArray();

        var result = CliRunner.Run([.. args, "--db", db]);

        Assert.Equal(2, result.ExitCode);
        var line = Assert.Single(result.Error.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.StartsWith($"storyline: {db}: cannot open database:", line, StringComparison.Ordinal);
    }

    [Fact]
    public void A_database_damaged_after_opening_fails_with_one_line_and_exit_2()
    {
        using var temp = new TempDirectory();
        var db = temp.File("s.db");
        CliRunner.Run("ingest", TestPaths.Samples("001_189017ad2c526773.txt"), "--db", db);
        // Its tables' pages overwritten: the header (and so opening) is intact, the first query is not.
        using (var file = new FileStream(db, FileMode.Open, FileAccess.Write))
        {
            file.Position = 4096;
            file.Write(Enumerable.Repeat((byte)0xA5, (int)file.Length - 4096).ToArray());
        }

        var result = CliRunner.Run("stories", "--db", db);

        Assert.Equal(2, result.ExitCode);
        Assert.StartsWith("storyline: ", Assert.Single(result.Error.Split('\n', StringSplitOptions.RemoveEmptyEntries)), StringComparison.Ordinal);
    }

    [Fact]
    public void Reading_commands_leave_the_database_file_unchanged()
    {
        using var temp = new TempDirectory();
        var db = temp.File("s.db");
        CliRunner.Run("ingest", TestPaths.Samples("000_6c0088076a9363ac.txt"), TestPaths.Samples("001_189017ad2c526773.txt"), "--db", db);
        var before = SHA256.HashData(File.ReadAllBytes(db));
        var written = File.GetLastWriteTimeUtc(db);

        Assert.Equal(0, CliRunner.Run("stories", "--db", db).ExitCode);
        Assert.Equal(0, CliRunner.Run("show", "1", "--db", db).ExitCode);
        Assert.Equal(0, CliRunner.Run("search", "asylum", "--db", db).ExitCode);

        Assert.Equal(before, SHA256.HashData(File.ReadAllBytes(db)));
        Assert.Equal(written, File.GetLastWriteTimeUtc(db));
        using var store = SqliteStoryStore.OpenForReading(db);
        Assert.True(store.IsReadOnly);
        Assert.Throws<SqliteException>(() => store.AddArticles([Storage.StoreTestData.Article("x", "Some new text to store.")]));
    }

    [Fact]
    public void Another_programs_database_with_a_schema_version_is_refused_before_anything_is_written()
    {
        using var temp = new TempDirectory();
        var db = temp.File("other.db");
        using (var connection = new SqliteConnection($"Data Source={db};Pooling=False"))
        {
            connection.Open();
            using var command = connection.CreateCommand();
            command.CommandText = "CREATE TABLE notes (id INTEGER PRIMARY KEY, body TEXT); INSERT INTO notes (body) VALUES ('mine'); PRAGMA user_version = 3;";
            command.ExecuteNonQuery();
        }

        var before = SHA256.HashData(File.ReadAllBytes(db));

        var ingest = CliRunner.Run("ingest", TestPaths.Samples("001_189017ad2c526773.txt"), "--db", db);
        var stories = CliRunner.Run("stories", "--db", db);

        Assert.Equal(2, ingest.ExitCode);
        Assert.Contains("not a Storyline database (schema version 3 but not Storyline's tables)", ingest.Error, StringComparison.Ordinal);
        Assert.Equal(2, stories.ExitCode);
        Assert.Equal(before, SHA256.HashData(File.ReadAllBytes(db)));
    }

    [Fact]
    public void An_argument_starting_with_at_is_not_read_as_a_response_file()
    {
        using var temp = new TempDirectory();
        var db = temp.File("s.db");
        CliRunner.Run("ingest", TestPaths.Samples("001_189017ad2c526773.txt"), "--db", db);
        var secret = temp.Write("secret.txt", "hunter2-private-contents\n");

        var result = CliRunner.Run("search", "@" + secret, "--db", db);

        Assert.DoesNotContain("hunter2", result.Output + result.Error, StringComparison.Ordinal);
        Assert.NotEqual(1, result.ExitCode);
    }
}
