using System.Globalization;
using Storyline.Bench;
using Storyline.Clustering;

// Evaluation runners: dotnet run -c Release --project bench/Storyline.Bench -- COMMAND [--eval DIR]
//   grouping                 B-cubed and pairwise P/R/F1 on allsides-train and uci-headlines
//   grouping-sweep           the same over a grid of thresholds and title weights (how the defaults were chosen)
//   ingest                   ingest throughput and peak memory on allsides-train
var command = args.FirstOrDefault() ?? "grouping";
var evalIndex = Array.IndexOf(args, "--eval");
var eval = EvalData.Root(evalIndex >= 0 && evalIndex + 1 < args.Length ? args[evalIndex + 1] : null);
var allSides = Path.Combine(eval, "stories", "allsides-train.jsonl");
var uci = Path.Combine(eval, "stories", "uci-headlines.jsonl");

switch (command)
{
    case "grouping":
        Console.WriteLine($"options: {GroupingRunner.Describe(ClusteringOptions.Default)}");
        foreach (var file in new[] { allSides, uci })
        {
            var (metrics, count) = GroupingRunner.Run(file, ClusteringOptions.Default);
            Console.WriteLine($"{Path.GetFileName(file),-22} {count,5} articles  {metrics}");
        }

        break;

    case "grouping-sweep":
        foreach (var titleWeight in new[] { 1.0, 2.0, 3.0, 5.0 })
        {
            for (var threshold = 0.15; threshold <= 0.501; threshold += 0.05)
            {
                var options = ClusteringOptions.Default with { Threshold = threshold, TitleWeight = titleWeight };
                var a = GroupingRunner.Run(allSides, options).Metrics;
                var u = GroupingRunner.Run(uci, options).Metrics;
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"t {threshold:F2} tw {titleWeight:F0}  allsides B3 {a.BcubedF1:F3} pair {a.PairF1:F3}  uci B3 {u.BcubedF1:F3} pair {u.PairF1:F3}  mean B3 {(a.BcubedF1 + u.BcubedF1) / 2:F3}"));
            }
        }

        break;

    case "ingest":
        Console.WriteLine(IngestThroughputRunner.Run(allSides));
        break;

    default:
        Console.Error.WriteLine($"unknown command '{command}': grouping | grouping-sweep | ingest");
        return 2;
}

return 0;
