using System.CommandLine;
using Storyline.Storage;
using Storyline.Storage.Portal;
using Storyline.Web;
using Storyline.Web.Portal;

namespace Storyline.Cli.Commands;

/// <summary>
/// <c>storyline users add NAME [--admin]</c> and <c>users token NAME</c>: accounts made on the command line, each printed
/// an API token for <c>POST /api/articles</c> (only its hash is stored; a new token replaces the former).
/// </summary>
internal static class UsersCommand
{
    public static Command Create(CliConsole console)
    {
        var command = new Command("users", "Accounts of contributors and admins of the web reader; each gets an API token.");
        command.Subcommands.Add(Add(console));
        command.Subcommands.Add(Token(console));
        return command;
    }

    private static Command Add(CliConsole console)
    {
        var name = new Argument<string>("NAME") { Description = "The account's name (also the outlet its posts appear under)" };
        var admin = new Option<bool>("--admin") { Description = "An admin, who may edit and remove every post" };
        var database = CliOptions.Database();
        var command = new Command("add", "Create an account and print its API token.") { name, admin, database };
        command.SetAction(parsed => Run(console, parsed.GetValue(database)!, store =>
        {
            var given = parsed.GetValue(name)!.Trim();
            if (AccountRules.CheckName(given) is { } problem)
            {
                console.Error.WriteLine($"storyline: {problem}");
                return ExitCodes.Usage;
            }

            if (store.AddUser(given, null, parsed.GetValue(admin)) is not { } user)
            {
                console.Error.WriteLine($"storyline: an account named '{TerminalText.Safe(given)}' exists; 'storyline users token NAME' gives it a new token");
                return ExitCodes.Usage;
            }

            console.Output.WriteLine(ApiTokens.Issue(store, user.Id));
            return ExitCodes.Success;
        }));
        return command;
    }

    private static Command Token(CliConsole console)
    {
        var name = new Argument<string>("NAME") { Description = "The account's name" };
        var database = CliOptions.Database();
        var command = new Command("token", "Print a new API token for an account (its former tokens stop working).") { name, database };
        command.SetAction(parsed => Run(console, parsed.GetValue(database)!, store =>
        {
            var given = parsed.GetValue(name)!.Trim();
            if (store.FindUser(given) is not { } user)
            {
                console.Error.WriteLine($"storyline: no account named '{TerminalText.Safe(given)}'");
                return ExitCodes.Usage;
            }

            console.Output.WriteLine(ApiTokens.Issue(store, user.Id));
            return ExitCodes.Success;
        }));
        return command;
    }

    private static int Run(CliConsole console, string databasePath, Func<SqlitePortalStore, int> action)
    {
        SqlitePortalStore store;
        try
        {
            store = SqlitePortalStore.Open(databasePath);
        }
        catch (StoreException e)
        {
            console.Error.WriteLine($"storyline: {e.Message}");
            return ExitCodes.Usage;
        }

        using (store)
        {
            return action(store);
        }
    }
}
