using System.CommandLine;
using System.Text.Json;
using Storyline.Analysis.Entities;
using Storyline.Storage;

namespace Storyline.Cli.Commands;

/// <summary><c>storyline show STORY</c>: one story and its articles, earliest first.</summary>
internal static class ShowCommand
{
    public static Command Create(CliConsole console)
    {
        var storyId = new Argument<long>("STORY") { Description = "The story's number, as 'stories' lists it" };
        var json = CliOptions.Json("Write the story as one JSON object (as 'stories --json' does)");
        var database = CliOptions.Database();
        var command = new Command("show", "Show one story: its articles by time, with outlet, title and source.") { storyId, json, database };
        command.SetAction(parsed => Run(console, parsed.GetValue(database)!, parsed.GetValue(storyId), parsed.GetValue(json)));
        return command;
    }

    private static int Run(CliConsole console, string databasePath, long storyId, bool json)
    {
        using var store = StoreOpener.TryOpenForReading(databasePath, console.Error);
        if (store is null)
        {
            return ExitCodes.Usage;
        }

        var story = store.GetStory(storyId);
        if (story is null)
        {
            console.Error.WriteLine($"storyline: no story {storyId} in {TerminalText.Safe(databasePath)}");
            return ExitCodes.Usage;
        }

        if (story.Id != storyId)
        {
            console.Error.WriteLine($"storyline: story {storyId} was regrouped; most of its articles are in story {story.Id}");
        }

        if (json)
        {
            new JsonLines(console.Output).Write(writer => StoryJson.Write(writer, story));
            return ExitCodes.Success;
        }

        var output = console.Output;
        output.WriteLine($"Story {story.Id}: {TerminalText.Safe(story.Title)}");
        // Counted as `stories` counts them: articles with no outlet (plain-text files) are not one more outlet.
        var outlets = story.Articles.Select(a => a.Outlet).OfType<string>().Distinct(StringComparer.Ordinal).Count();
        var unknown = story.Articles.Count(a => a.Outlet is null);
        var sources = unknown == 0 ? Count(outlets, "outlet") : $"{Count(outlets, "outlet")} ({unknown} of unknown outlet)";
        output.WriteLine($"{Count(story.Articles.Count, "article")} from {sources}; first {TerminalText.Safe(story.FirstSeen ?? "undated")}, last {TerminalText.Safe(story.LastUpdated ?? "undated")}");
        output.WriteLine();
        foreach (var article in story.Articles)
        {
            var mark = article.CopyOf is { } original ? $"  [copy of {TerminalText.Safe(original)}]" : string.Empty;
            output.WriteLine($"  {TerminalText.Safe(article.Published ?? "undated"),-20}  {TerminalText.Safe(article.Outlet ?? "(unknown outlet)")}{mark}");
            output.WriteLine($"      {TerminalText.Safe(article.Title)}");
            output.WriteLine($"      id {TerminalText.Safe(article.ExternalId)}  ·  {TerminalText.Safe(article.Url ?? article.Source)}");
            if (article.SyndicationOrigin is { } origin)
            {
                output.WriteLine($"      first published by {TerminalText.Safe(origin)} (syndicated copy)");
            }
            foreach (var (outlet, url, externalId) in article.AlsoAt)
            {
                output.WriteLine($"      same text also at {TerminalText.Safe(outlet ?? "(unknown outlet)")}: {TerminalText.Safe(url ?? externalId)}");
            }
        }

        WriteDetails(output, store.GetStoryDetails(story.Id));
        if (story.Articles.Count > 1 && Comparison.StoryComparer.Default.Compare(store, story.Id) is { } comparison)
        {
            WriteCoverage(output, comparison);
        }

        return ExitCodes.Success;
    }

    /// <summary>A few lines of the comparison: how much of each article others report too, and the quotes worded differently.</summary>
    private static void WriteCoverage(TextWriter output, Comparison.StoryComparison comparison)
    {
        const int MaxArticles = 10;
        output.WriteLine();
        output.WriteLine($"Coverage ('storyline compare {comparison.StoryId}' shows the full comparison):");
        output.WriteLine($"  {Count(comparison.Passages.Count, "passage")} reported by more than one article");
        foreach (var article in comparison.Articles.Take(MaxArticles))
        {
            output.WriteLine(string.Create(System.Globalization.CultureInfo.InvariantCulture,
                $"  {TerminalText.Safe(article.Id)} ({TerminalText.Safe(article.Outlet ?? "unknown outlet")}): {article.Shared:0%} shared, {Count(article.Unique.Count, "passage")} of its own"));
        }

        if (comparison.Articles.Count > MaxArticles)
        {
            output.WriteLine($"  … and {comparison.Articles.Count - MaxArticles} more articles");
        }

        var reworded = comparison.Quotes.Count(q => q.Variants.Count > 1);
        var shared = comparison.Quotes.Count(q => q.Articles.Count > 1);
        output.WriteLine($"  {Count(shared, "quote")} in more than one article, {reworded} worded differently");
    }

    /// <summary>
    /// Quotes grouped by speaker, for speakers who are people the story names ("Bannon" counted as
    /// "Steve Bannon"); direct quotes first. Statements attributed to anything else are only counted:
    /// reported speech with a non-person "speaker" is mostly noise of the rule-based extractor.
    /// </summary>
    private static void WriteQuotes(TextWriter output, Storage.StoryDetails details)
    {
        var people = details.Entities.Where(e => e.Type == EntityType.Person).Select(e => e.Name).ToList();
        string? PersonOf(string? speaker)
        {
            if (speaker is null)
            {
                return null;
            }

            var full = people.Where(p => p == speaker || p.EndsWith(" " + speaker, StringComparison.Ordinal)).Distinct(StringComparer.Ordinal).ToList();
            return full.Count == 1 ? full[0] : null;
        }

        var attributed = details.Quotes.Select(q => (Quote: q, Person: PersonOf(q.Speaker))).ToList();
        var bySpeaker = attributed.Where(a => a.Person is not null).GroupBy(a => a.Person!).OrderByDescending(g => g.Count(a => a.Quote.Direct)).ThenByDescending(g => g.Count()).ToList();
        if (bySpeaker.Count == 0)
        {
            return;
        }

        output.WriteLine();
        output.WriteLine("Quotes by speaker:");
        foreach (var speaker in bySpeaker)
        {
            output.WriteLine($"  {TerminalText.Safe(speaker.Key)}:");
            foreach (var (quote, _) in speaker.OrderByDescending(a => a.Quote.Direct))
            {
                var text = quote.Text.Length <= 200 ? quote.Text : string.Concat(quote.Text.AsSpan(0, 199), "…");
                var kind = quote.Direct ? string.Empty : " (reported)";
                output.WriteLine($"    {TerminalText.Safe(text)}{kind}  — {TerminalText.Safe(quote.Outlet ?? quote.ArticleId)}");
            }
        }

        var others = attributed.Count(a => a.Person is null);
        if (others > 0)
        {
            output.WriteLine($"  ({others} more statements with other or unresolved speakers: storyline quotes FILE lists them all)");
        }
    }

    private static void WriteDetails(TextWriter output, Storage.StoryDetails details)
    {
        foreach (var (type, heading) in new[] { (EntityType.Person, "People"), (EntityType.Organization, "Organisations"), (EntityType.Location, "Places"), (EntityType.Misc, "Other names") })
        {
            var names = details.Entities.Where(e => e.Type == type).Take(12).ToList();
            if (names.Count > 0)
            {
                output.WriteLine();
                output.WriteLine($"{heading}: " + string.Join(", ", names.Select(n => $"{TerminalText.Safe(n.Name)} ({n.Articles} art., {n.Mentions}×)")));
            }
        }

        WriteQuotes(output, details);

        if (details.SourcesByOutlet.Count > 0)
        {
            output.WriteLine();
            output.WriteLine("Sources cited:");
            foreach (var (outlet, sources) in details.SourcesByOutlet)
            {
                output.WriteLine($"  {TerminalText.Safe(outlet ?? "(unknown outlet)")}: {TerminalText.Safe(string.Join(", ", sources))}");
            }
        }
    }

    private static string Count(int n, string noun) => n == 1 ? $"1 {noun}" : $"{n} {noun}s";
}
