using System.CommandLine;
using Storyline.Storage;
using Microsoft.Extensions.Hosting;
using Storyline.Web;

namespace Storyline.Cli.Commands;

/// <summary><c>storyline serve</c>: the web reader and JSON API over the database, until Ctrl-C.</summary>
internal static class ServeCommand
{
    public static Command Create(CliConsole console)
    {
        var database = CliOptions.Database();
        var urls = new Option<string>("--urls")
        {
            Description = "Addresses to listen on, as ASP.NET's --urls (semicolon-separated)",
            DefaultValueFactory = _ => "http://127.0.0.1:5080",
            HelpName = "URLS",
        };
        var noFetch = new Option<bool>("--no-fetch") { Description = "Do not poll subscribed feeds in the background" };
        var command = new Command("serve", "Serve the web reader (/, /stories/ID, /articles/ID, /search) and the JSON API (/api/…).") { database, urls, noFetch };
        command.SetAction(parsed => Run(console, new ServeSettings(parsed.GetValue(database)!)
        {
            Urls = parsed.GetValue(urls)!,
            Fetch = !parsed.GetValue(noFetch),
        }));
        return command;
    }

    private static int Run(CliConsole console, ServeSettings settings)
    {
        Microsoft.AspNetCore.Builder.WebApplication app;
        try
        {
            app = StorylineServer.Build(settings);
        }
        catch (StoreException e)
        {
            console.Error.WriteLine($"storyline: {e.Message}");
            return ExitCodes.Usage;
        }

        try
        {
            app.Start();
            console.Error.WriteLine($"storyline: serving {settings.DatabasePath} at {string.Join(", ", StorylineServer.Addresses(app))} (Ctrl-C stops)");
            app.WaitForShutdown();
            return ExitCodes.Success;
        }
        catch (IOException e)
        {
            console.Error.WriteLine($"storyline: cannot listen on {settings.Urls}: {e.Message}");
            return ExitCodes.Usage;
        }
        finally
        {
            ((IDisposable)app).Dispose();
        }
    }
}
