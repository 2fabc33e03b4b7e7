using Storyline.Cli;
using Storyline.Storage.Portal;
using Storyline.Web.Portal;

namespace Storyline.Web.Tests;

/// <summary><c>storyline users add</c> and <c>users token</c>: a token printed, only its hash stored, a new one replacing it.</summary>
public sealed class UsersCommandTests
{
    private static (int Code, string Output, string Error) Run(params string[] args)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var code = StorylineCli.Run(args, TextReader.Null, output, error);
        return (code, output.ToString().Trim(), error.ToString());
    }

    [Fact]
    public void AddPrintsATokenAndTokenReplacesIt()
    {
        var database = TestSite.CreateDatabase();
        try
        {
            var (code, first, _) = Run("users", "add", "Dana Admin", "--admin", "--db", database);
            Assert.Equal(0, code);
            Assert.StartsWith("sl_", first, StringComparison.Ordinal);
            var (again, _, error) = Run("users", "add", "dana admin", "--db", database);
            Assert.Equal(2, again);
            Assert.Contains("exists", error, StringComparison.Ordinal);
            var (_, second, _) = Run("users", "token", "Dana Admin", "--db", database);
            Assert.NotEqual(first, second);
            using var portal = SqlitePortalStore.Open(database);
            Assert.Null(portal.FindByTokenHash(ApiTokens.Hash(first)));
            var user = portal.FindByTokenHash(ApiTokens.Hash(second));
            Assert.True(user is { IsAdmin: true, Name: "Dana Admin" });
            Assert.Equal(2, Run("users", "token", "Nobody", "--db", database).Code);
        }
        finally
        {
            TestSite.Delete(database);
        }
    }
}
