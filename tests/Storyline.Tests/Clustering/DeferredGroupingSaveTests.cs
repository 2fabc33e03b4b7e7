using System.Globalization;
using System.Reflection;
using System.Runtime.ExceptionServices;
using System.Text;
using Storyline.Storage;

namespace Storyline.Tests.Clustering;

/// <summary>
/// Grouping saves a chunk with a later one while the full-text indexer has the store's write turn; the stories
/// must come out as if every chunk had been saved at once.
/// </summary>
public sealed class DeferredGroupingSaveTests
{
    [Fact]
    public void Stories_are_the_same_when_every_chunk_but_the_last_is_saved_late()
    {
        using var temp = new TempDirectory();
        var corpus = temp.Write("events.jsonl", Events(events: 427, reports: 3));

        using var direct = SqliteStoryStore.Open(temp.File("direct.db"));
        StorylinePipeline.Default.Ingest([corpus], direct);
        using var stored = SqliteStoryStore.Open(temp.File("deferred.db"));
        var refusing = DispatchProxy.Create<IStoryStore, RefusingStore>();
        ((RefusingStore)(object)refusing).Inner = stored;
        var report = StorylinePipeline.Default.Ingest([corpus], refusing);

        Assert.True(((RefusingStore)(object)refusing).Refused >= 2); // 1,281 articles: three chunks, two refused
        Assert.Equal(1281, report.Stored);
        Assert.True(report.CopiesFound >= 427);
        Assert.Equal(Stories(direct), Stories(stored));
        Assert.Equal(direct.Counts(), stored.Counts());
        Assert.Equal(direct.LoadTermStatistics().DocumentCount, stored.LoadTermStatistics().DocumentCount);
        Assert.Equal(direct.LoadTermStatistics().TermCount, stored.LoadTermStatistics().TermCount);
    }

    private static string[] Stories(SqliteStoryStore store) =>
        [.. store.ListStories().Select(s => $"{s.Id} {s.Title} {s.FirstSeen} {s.LastUpdated} {s.Articles.Count}: " + string.Join(",", s.Articles.Select(a => $"{a.ExternalId}<{a.CopyOf}")))];

    /// <summary>Events on separate days, each reported by several outlets in words of their own.</summary>
    private static string Events(int events, int reports)
    {
        string[] places = ["Lagos", "Oslo", "Lima", "Hanoi", "Quito", "Perth", "Accra", "Turin", "Busan", "Cork"];
        string[] things = ["bridge", "factory", "harbour", "stadium", "railway", "museum", "airport", "school"];
        var lines = new StringBuilder();
        for (var e = 0; e < events; e++)
        {
            var place = places[e % places.Length];
            var thing = things[(e / places.Length) % things.Length];
            var day = new DateTimeOffset(2024, 1, 1, 0, 0, 0, TimeSpan.Zero).AddDays(e / 4).AddHours(e % 4 * 5);
            for (var r = 0; r < reports; r++)
            {
                // The last report is a syndicated copy of the first, a little edited: a copy link to save.
                var copy = r == reports - 1;
                var source = copy ? 0 : r;
                var when = day.AddMinutes(r * 37).ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);
                var text = $"The {thing} number {e} in {place} reopened on the day, officials in {place} said. Report {source} quotes residents of {place} " +
                           $"on the {thing} {e} and its cost, which the city council of {place} put at {e * 13 % 97} million, up from an estimate made last year; " +
                           $"the work took {e % 11 + 2} years and closed three streets nearby, marker{e}x{e % 7}.{(copy ? " Syndicated." : string.Empty)}";
                lines.Append(CultureInfo.InvariantCulture, $$"""{"id": "e{{e}}-r{{r}}", "outlet": "{{(copy ? "Syndicator" : $"Outlet{r}")}}", "published": "{{when}}", "title": "{{thing}} {{e}} in {{place}} reopens, report {{source}}", "text": "{{text}}"}""");
                lines.Append('\n');
            }
        }

        return lines.ToString();
    }

    /// <summary>A store whose grouping never gets the write turn at once: every chunk but the last is saved late.</summary>
    public class RefusingStore : DispatchProxy
    {
        public IStoryStore? Inner { get; set; }

        public int Refused { get; private set; }

        protected override object? Invoke(MethodInfo? targetMethod, object?[]? args)
        {
            if (targetMethod!.Name == nameof(IStoryStore.TrySaveGrouping))
            {
                Refused++;
                return false;
            }

            try
            {
                return targetMethod.Invoke(Inner, args);
            }
            catch (TargetInvocationException e) when (e.InnerException is not null)
            {
                ExceptionDispatchInfo.Throw(e.InnerException);
                throw;
            }
        }
    }
}
