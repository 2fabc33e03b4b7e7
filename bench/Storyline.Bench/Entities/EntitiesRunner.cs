using System.Diagnostics;
using System.Globalization;
using Storyline.Analysis.Entities;

namespace Storyline.Bench.Entities;

/// <summary>Trains the entity model on WikiANN train and scores it on WikiANN dev (entity-level exact match, as conlleval).</summary>
internal static class EntitiesRunner
{
    public const string ModelFileName = "entities-wikiann-en.bin";

    /// <summary>The place-name list the tagger's place features read (written by bench/gazetteer/build.sh).</summary>
    public const string PlacesFileName = "places-en.tsv.gz";

    /// <summary><c>train-entities</c>: trains, writes models/…, then scores dev.</summary>
    public static void Train(string eval, string? output)
    {
        var trainPath = Path.Combine(eval, "entities", "wikiann-en-train.conll");
        var sentences = Conll.ReadFile(trainPath);
        var watch = Stopwatch.StartNew();
        // Experiment knobs (the defaults in NerTrainer.Options are the shipped model's settings).
        var options = new NerTrainer.Options();
        options = options with
        {
            Epochs = EnvInt("NER_EPOCHS") ?? options.Epochs,
            Folds = EnvInt("NER_FOLDS") ?? options.Folds,
            PruneBelow = EnvFloats("NER_PRUNE")?[0] ?? options.PruneBelow,
            MinCount = EnvInt("NER_MINCOUNT") ?? options.MinCount,
            Margin = EnvFloats("NER_MARGIN")?[0] ?? options.Margin,
            Bilou = Environment.GetEnvironmentVariable("NER_SCHEME") is { } scheme ? scheme == "bilou" : options.Bilou,
            CrfWeight = EnvFloats("NER_CRFW")?[0] ?? options.CrfWeight,
            TransitionClasses = EnvInt("NER_TCLASSES") ?? options.TransitionClasses,
            CrfEpochs = EnvInt("NER_CRF_EPOCHS") ?? options.CrfEpochs,
            Bags = EnvInt("NER_BAGS") ?? options.Bags,
        };

        if (EnvFloats("NER_CRF") is { } crf)
        {
            // CRF members, rate, L2: "1,0.02,0.01".
            options = options with { CrfBags = (int)crf[0], CrfRate = crf.Length > 1 ? crf[1] : options.CrfRate, CrfL2 = crf.Length > 2 ? crf[2] : options.CrfL2 };
        }

        if (EnvFloats("NER_COST") is { } cost)
        {
            // CRF softmax-margin cost, its factor for ORG tokens, the perceptron margin's factor for ORG tokens: "0.5,2,1.25".
            options = options with { CrfCost = cost[0], CrfCostOrg = cost.Length > 1 ? cost[1] : 1f, MarginOrg = cost.Length > 2 ? cost[2] : 1f };
        }

        // The word clusters (train-clusters); NER_CLUSTERS=none trains without them, NER_CLUSTERS=FILE with others.
        var clusterPath = Environment.GetEnvironmentVariable("NER_CLUSTERS") ?? Path.Combine(RepositoryRoot(), "models", ClustersRunner.FileName);
        if (clusterPath != "none")
        {
            using var clusterFile = File.OpenRead(clusterPath);
            options = options with { Clusters = WordClusters.From(WordClusters.Read(clusterFile)) };
            Console.WriteLine($"clusters: {options.Clusters.Count} words from {clusterPath}");
        }

        // Place names from outside lists (bench/gazetteer/build.sh); NER_PLACES=none trains without them, NER_PLACES=FILE with others.
        var placesPath = Environment.GetEnvironmentVariable("NER_PLACES") ?? Path.Combine(RepositoryRoot(), "models", PlacesFileName);
        if (placesPath != "none")
        {
            options = options with { Places = PlaceList.Read(placesPath) };
            Console.WriteLine($"places: {options.Places.Count(p => (p.Value & ~Gazetteer.PrefixFlag) != 0)} names from {placesPath}");
        }

        Console.WriteLine(options with { Clusters = null, Places = null });
        var model = NerTrainer.Train(sentences, options, Console.WriteLine);
        watch.Stop();
        var path = output ?? Path.Combine(RepositoryRoot(), "models", ModelFileName);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        using (var file = File.Create(path))
        {
            model.Save(file);
        }

        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"trained on {sentences.Count} sentences in {watch.Elapsed.TotalSeconds:F1} s; wrote {path} ({new FileInfo(path).Length / 1024.0 / 1024.0:F2} MB)"));
        using var stream = File.OpenRead(path);
        Score(eval, NerModel.Load(stream), nearCapitals: false);
    }

    private static int? EnvInt(string name) =>
        Environment.GetEnvironmentVariable(name) is { } value ? int.Parse(value, CultureInfo.InvariantCulture) : null;

    private static float[]? EnvFloats(string name) =>
        Environment.GetEnvironmentVariable(name) is { } value ? [.. value.Split(',').Select(x => float.Parse(x, CultureInfo.InvariantCulture))] : null;

    /// <summary><c>entities</c>: scores the shipped model (or <paramref name="modelPath"/>) on dev, and measures speed.</summary>
    public static void Evaluate(string eval, string? modelPath, bool nearCapitals = false)
    {
        NerModel model;
        if (modelPath is not null)
        {
            using var stream = File.OpenRead(modelPath);
            model = NerModel.Load(stream);
        }
        else
        {
            model = EntityRecognizer.Default.Model;
        }

        Score(eval, model, nearCapitals);
    }

    private static void Score(string eval, NerModel model, bool nearCapitals)
    {

        var devPath = Path.Combine(eval, "entities", "wikiann-en-dev.conll");
        var dev = Conll.ReadFile(devPath);
        var joined = dev.Select(s => s.Joined()).ToArray();
        var scratch = new NerModel.Scratch();
        var scorer = new EntityScorer();
        var tags = new int[512];
        var tokens = 0;
        var watch = Stopwatch.StartNew();
        for (var s = 0; s < dev.Count; s++)
        {
            var (text, spans) = joined[s];
            model.Predict(text, spans, tags, scratch, nearCapitals);
            var predicted = tags.Take(spans.Length).Select(t => model.Tags[t]).ToArray();
            scorer.Add(dev[s].LastColumns, predicted);
            if (Dump is not null && !predicted.SequenceEqual(dev[s].LastColumns))
            {
                Dump.WriteLine(string.Join(' ', dev[s].Words.Select((w, i) => dev[s].LastColumns[i] == predicted[i] ? $"{w}/{predicted[i]}" : $"[{w}/{dev[s].LastColumns[i]}→{predicted[i]}]")));
            }
            tokens += spans.Length;
        }

        watch.Stop();
        Console.WriteLine($"wikiann-en-dev: {dev.Count} sentences, {tokens} tokens, {model.Index.Count} features");
        foreach (var (type, p, r, f, gold) in scorer.PerType())
        {
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  {type,-5} P {p:F4}  R {r:F4}  F1 {f:F4}  ({gold} gold)"));
        }

        var (op, or, of) = scorer.Overall();
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  all   P {op:F4}  R {or:F4}  F1 {of:F4}"));

        // Throughput of tagging alone (scoring excluded): best of three passes.
        var best = double.MaxValue;
        for (var pass = 0; pass < 3; pass++)
        {
            var timer = Stopwatch.StartNew();
            foreach (var (text, spans) in joined)
            {
                model.Predict(text, spans, tags, scratch);
            }

            best = Math.Min(best, timer.Elapsed.TotalSeconds);
        }

        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"  speed {dev.Count / best:F0} sentences/s, {tokens / best:F0} tokens/s (one thread)"));
    }

    private static readonly StreamWriter? Dump = Environment.GetEnvironmentVariable("NER_DUMP") is { } dump ? new StreamWriter(dump) { AutoFlush = true } : null;

    public static string RepositoryRoot()
    {
        for (var directory = new DirectoryInfo(Directory.GetCurrentDirectory()); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "Storyline.slnx")))
            {
                return directory.FullName;
            }
        }

        throw new DirectoryNotFoundException("cannot find the repository root (Storyline.slnx) above the current directory");
    }
}
