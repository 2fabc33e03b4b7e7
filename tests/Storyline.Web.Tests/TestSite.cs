using System.Net;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Builder;
using Storyline.Storage;
using Storyline.Web;

namespace Storyline.Web.Tests;

/// <summary>
/// A database holding the two seed documents and a hostile article, and the web application over it, started on a free
/// loopback port (the same application `storyline serve` runs).
/// </summary>
internal sealed partial class TestSite : IAsyncDisposable
{
    public const string HostileTitle = "<script>alert(1)</script><img src=x onerror=alert(2)>";
    public const string HostileOutlet = "<b onmouseover=alert(4)>Evil</b> News";
    public const string HostileUrl = "javascript:alert(3)";

    private readonly WebApplication _app;

    private TestSite(string directory, string database, WebApplication app, string address)
    {
        Directory = directory;
        Database = database;
        _app = app;
        Address = address;
    }

    public string Directory { get; }

    public string Database { get; }

    public string Address { get; }

    private static readonly Lazy<string> Template = new(BuildTemplate);

    /// <summary>A new database with the seeds and the hostile article, in a new scratch directory (a copy of one built once).</summary>
    public static string CreateDatabase()
    {
        var database = Path.Combine(NewDirectory(), "site.db");
        foreach (var suffix in new[] { string.Empty, "-wal", "-shm" })
        {
            if (File.Exists(Template.Value + suffix))
            {
                File.Copy(Template.Value + suffix, database + suffix);
            }
        }

        return database;
    }

    private static string NewDirectory()
    {
        var directory = Path.Combine(Path.GetTempPath(), "storyline-web-tests", Guid.NewGuid().ToString("N"));
        System.IO.Directory.CreateDirectory(directory);
        return directory;
    }

    private static string BuildTemplate()
    {
        var database = Path.Combine(NewDirectory(), "template.db");
        using var store = SqliteStoryStore.Open(database);
        var seeds = Path.Combine(AppContext.BaseDirectory, "Data", "seeds");
        var report = StorylinePipeline.Default.Ingest([seeds], store);
        Assert.Equal(2, report.Stored);
        var hostile = new JsonObject
        {
            ["id"] = "hostile-1",
            ["outlet"] = HostileOutlet,
            ["title"] = HostileTitle,
            ["url"] = HostileUrl,
            ["published"] = "2025-06-09T10:00:00Z",
            ["authors"] = new JsonArray("<i>Mallory</i>"),
            ["text"] = "Mallory Example wrote \"<script>alert(5)</script> is harmless,\" said Mallory Example of Evilcorp.\n\n" +
                       "A second paragraph with <a href=\"javascript:alert(6)\">a link</a> and zebrafish words for search.",
        };
        report = StorylinePipeline.Default.Ingest(["-"], store, standardInput: new StringReader(hostile.ToJsonString()));
        Assert.Equal(1, report.Stored);
        return database;
    }

    public static async Task<TestSite> StartAsync(string? database = null, RateLimits? limits = null)
    {
        database ??= CreateDatabase();
        var app = StorylineServer.Build(new ServeSettings(database)
        {
            Urls = "http://127.0.0.1:0",
            Fetch = false,
            ConsoleLog = false,
            Limits = limits ?? new RateLimits(),
        });
        await app.StartAsync();
        return new TestSite(Path.GetDirectoryName(database)!, database, app, StorylineServer.Addresses(app)[0]);
    }

    /// <summary>A client as one browser: its own cookies, a browser's User-Agent, redirects not followed.</summary>
    public HttpClient Browser()
    {
        var client = new HttpClient(new HttpClientHandler { CookieContainer = new CookieContainer(), AllowAutoRedirect = false })
        {
            BaseAddress = new Uri(Address),
        };
        client.DefaultRequestHeaders.UserAgent.ParseAdd("Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/140.0 Safari/537.36");
        return client;
    }

    /// <summary>The antiforgery field of the form on the page at <paramref name="path"/> (the cookie lands in the client).</summary>
    public static async Task<KeyValuePair<string, string>> FormTokenAsync(HttpClient client, string path)
    {
        var page = await client.GetStringAsync(path);
        var match = HiddenToken().Match(page);
        Assert.True(match.Success, $"no antiforgery field on {path}");
        return new(match.Groups[1].Value, WebUtility.HtmlDecode(match.Groups[2].Value));
    }

    public static async Task<HttpResponseMessage> PostFormAsync(HttpClient client, string formPage, string action, params (string Name, string Value)[] fields)
    {
        var token = await FormTokenAsync(client, formPage);
        var content = new FormUrlEncodedContent(fields.Select(f => new KeyValuePair<string, string>(f.Name, f.Value)).Append(token));
        return await client.PostAsync(action, content);
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }

    /// <summary>Removes the scratch directory of a database made by <see cref="CreateDatabase"/>.</summary>
    public static void Delete(string database)
    {
        try
        {
            System.IO.Directory.Delete(Path.GetDirectoryName(database)!, recursive: true);
        }
        catch (IOException)
        {
            // Best effort.
        }
    }

    [GeneratedRegex("<input type=\"hidden\" name=\"([^\"]+)\" value=\"([^\"]+)\">")]
    private static partial Regex HiddenToken();
}
