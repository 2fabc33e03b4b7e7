namespace Storyline.Analysis.Entities;

/// <summary>
/// Trains <see cref="NerModel"/>: averaged structured perceptron, fixed epochs and shuffling seeds, so the
/// same data gives the same model. Decoding during training is loss-augmented (every wrong tag gets
/// <see cref="Options.Margin"/> added, so updates continue until gold wins by a margin); the model is the
/// average of <see cref="Options.Bags"/> such perceptrons and <see cref="Options.CrfBags"/> CRFs trained on
/// different shuffles, a combination that costs nothing when tagging. Gazetteer features of each training sentence come from the other folds
/// (5-fold jackknife), so the model does not learn to trust them more than they deserve on new text.
/// </summary>
internal static class NerTrainer
{
    /// <param name="Epochs">Perceptron epochs.</param>
    /// <param name="Seed">Shuffling seed of the first member; the others' follow from it.</param>
    /// <param name="PruneBelow">Features whose largest combined weight (members at unit RMS, averaged) is at most this are dropped.</param>
    /// <param name="Folds">Jackknife folds for the training sentences' gazetteer features.</param>
    /// <param name="MinCount">Features seen fewer times in training are not used.</param>
    /// <param name="Clusters">Word clusters for cluster features (none when null).</param>
    /// <param name="Margin">Loss-augmented perceptron decoding: added to every wrong tag's score.</param>
    /// <param name="Bags">Perceptron members (different shuffles).</param>
    /// <param name="CrfBags">CRF members (see <see cref="CrfFit"/>).</param>
    /// <param name="CrfEpochs">CRF epochs (iterates averaged over them).</param>
    /// <param name="CrfRate">CRF AdaGrad rate.</param>
    /// <param name="CrfL2">CRF L2 shrinkage per touched weight.</param>
    /// <param name="Bilou">Decoding states BILOU (a name's begin, inside, last word, one-word name) instead of IOB2; output stays IOB2.</param>
    /// <param name="CrfWeight">Weight of each CRF member in the combination, relative to a perceptron's.</param>
    /// <param name="TransitionClasses">1, or 4 for transitions that depend on the class of the token entered (<see cref="NerModel.TokenClass"/>).</param>
    /// <param name="CrfCost">CRF softmax-margin: cost added to every wrong state's score in the partition function (0: plain likelihood).</param>
    /// <param name="CrfCostOrg">Factor of that cost for tokens whose gold state is in an organisation's name (ORG recall is the weakest).</param>
    /// <param name="MarginOrg">Factor of the perceptron margin for tokens whose gold state is in an organisation's name.</param>
    /// <param name="Places">Place names from an outside list (<see cref="PlaceList"/>), for place-name features (none when null).</param>
    public sealed record Options(int Epochs = 12, int Seed = 20250607, float PruneBelow = 3.12f, int Folds = 5, int MinCount = 2, WordClusters? Clusters = null,
        float Margin = 4f, int Bags = 3, int CrfBags = 2, int CrfEpochs = 8, float CrfRate = 0.02f, float CrfL2 = 0.01f,
        bool Bilou = true, float CrfWeight = 3f, int TransitionClasses = 4, float CrfCost = 0.5f, float CrfCostOrg = 2f, float MarginOrg = 1.25f,
        Dictionary<ulong, byte>? Places = null);

    public static NerModel Train(IReadOnlyList<ConllSentence> sentences, Options options, Action<string>? log = null)
    {
        ArgumentNullException.ThrowIfNull(sentences);
        var types = new List<string> { "PER", "ORG", "LOC" };
        foreach (var tag in sentences.SelectMany(s => s.LastColumns).Where(tag => tag != "O").Select(tag => tag[2..]).Distinct().Order(StringComparer.Ordinal))
        {
            if (!types.Contains(tag))
            {
                types.Add(tag);
            }
        }

        var kinds = options.Bilou ? new[] { "B-", "I-", "L-", "U-" } : ["B-", "I-"];
        string[] tags = ["O", .. types.SelectMany(type => kinds.Select(kind => kind + type))];
        var t = tags.Length;
        var probe = new NerModel(tags, [], [], new float[(t + 1) * t], new Gazetteer([], []), WordClusters.None);
        var classCount = options.TransitionClasses;
        var classes = sentences.Select(s => s.Words.Select(w => classCount > 1 ? NerModel.TokenClass(w, classCount) : (byte)0).ToArray()).ToArray();
        var tagIndex = probe.Tags.Select((tag, k) => (tag, k)).ToDictionary(p => p.tag, p => p.k, StringComparer.Ordinal);
        var clusters = options.Clusters ?? WordClusters.None;

        // Lower-cased hashes and gold labels, for the gazetteers.
        var prepared = sentences.Select(s =>
        {
            var lowers = s.Words.Select(w => FeatureHash.Of(w, true)).ToArray();
            var iob = s.LastColumns.Select(tag => tagIndex[tag]).ToArray();
            var types = iob.Select(g => probe.TagTypes[g]).ToArray();
            var begins = iob.Select((g, i) => probe.TagBegins[g] || (probe.TagTypes[g] >= 0 && (i == 0 || probe.TagTypes[iob[i - 1]] != probe.TagTypes[g]))).ToArray();
            return (Lowers: lowers, Gold: probe.ToStates(s.LastColumns), Types: types, Begins: begins);
        }).ToArray();
        var full = Gazetteer.Build(prepared.Select(p => (p.Lowers, p.Types, p.Begins)), options.Places);
        var folds = Math.Max(1, options.Folds);
        var gazetteers = new Gazetteer[folds];
        for (var fold = 0; fold < folds; fold++)
        {
            var f = fold;
            gazetteers[fold] = folds == 1 ? full : Gazetteer.Build(prepared.Where((_, k) => k % folds != f).Select(p => (p.Lowers, p.Types, p.Begins)), options.Places);
        }

        log?.Invoke($"gazetteer: {full.NameCount} names, {full.WordCount} words, {full.PlaceCount} place names");

        // Features of every token, as indices (those seen at least MinCount times).
        var hashes0 = new Featurizer.SentenceHashes(64);
        Span<ulong> buffer = stackalloc ulong[Featurizer.PerToken];
        var occurrences = new Dictionary<ulong, int>();
        if (options.MinCount > 1)
        {
            for (var s = 0; s < sentences.Count; s++)
            {
                var (text, spans) = sentences[s].Joined();
                var gazetteer = gazetteers[s % folds];
                Featurizer.Prepare(text, spans, hashes0, gazetteer, clusters);
                for (var i = 0; i < spans.Length; i++)
                {
                    var n = Featurizer.Extract(text, spans, hashes0, gazetteer, i, buffer);
                    for (var k = 0; k < n; k++)
                    {
                        occurrences[buffer[k]] = occurrences.GetValueOrDefault(buffer[k]) + 1;
                    }
                }
            }
        }

        var index = new Dictionary<ulong, int>();
        var features = new int[sentences.Count][];
        var offsets = new int[sentences.Count][];
        var hashes = hashes0;
        var list = new List<int>();
        for (var s = 0; s < sentences.Count; s++)
        {
            var (text, spans) = sentences[s].Joined();
            var gazetteer = gazetteers[s % folds];
            Featurizer.Prepare(text, spans, hashes, gazetteer, clusters);
            list.Clear();
            offsets[s] = new int[spans.Length + 1];
            for (var i = 0; i < spans.Length; i++)
            {
                offsets[s][i] = list.Count;
                var n = Featurizer.Extract(text, spans, hashes, gazetteer, i, buffer);
                for (var k = 0; k < n; k++)
                {
                    if (options.MinCount > 1 && occurrences.GetValueOrDefault(buffer[k]) < options.MinCount)
                    {
                        continue;
                    }

                    if (!index.TryGetValue(buffer[k], out var id))
                    {
                        index[buffer[k]] = id = index.Count;
                    }

                    list.Add(id);
                }
            }

            offsets[s][spans.Length] = list.Count;
            features[s] = [.. list];
        }

        log?.Invoke($"features: {index.Count}");
        // Model combination: perceptrons from different shuffles and CRFs, each scaled to unit RMS weight so that
        // none dominates by its learning rate, averaged into one linear model (no cost when tagging).
        var weights = new float[index.Count * t];
        var transitions = new float[classCount * (t + 1) * t];
        var gold = prepared.Select(p => p.Gold).ToArray();
        for (var member = 0; member < options.Bags + options.CrfBags; member++)
        {
            var seed = options.Seed + (member * 1009);
            var (w, tr) = member < options.Bags
                ? Fit(probe, features, offsets, gold, classes, index.Count, options, seed, member == 0 ? log : null)
                : CrfFit.Fit(probe, features, offsets, gold, classes, index.Count, options, seed, member == options.Bags ? log : null);

            var squares = 0.0;
            foreach (var x in w)
            {
                squares += x * x;
            }

            var scale = (float)(1 / Math.Sqrt(Math.Max(squares / w.Length, 1e-30)) / (options.Bags + options.CrfBags));
            scale *= member < options.Bags ? 1f : options.CrfWeight;
            for (var k = 0; k < w.Length; k++)
            {
                weights[k] += w[k] * scale;
            }

            for (var k = 0; k < tr.Length; k++)
            {
                transitions[k] += tr[k] * scale;
            }
        }

        // Every tag of a token may get the same amount without changing the decoding: weights are kept relative
        // to O's (whose own are then 0, and not stored by the tagger's table), and features pruned by that.
        var outside = Array.IndexOf(tags, "O");
        for (var id = 0; id < index.Count; id++)
        {
            var reference = weights[(id * t) + outside];
            for (var tag = 0; tag < t; tag++)
            {
                weights[(id * t) + tag] -= reference;
            }
        }

        // Prune, compact.
        var keptIndex = new Dictionary<ulong, int>();
        var kept = new List<float>();
        foreach (var (key, id) in index.OrderBy(p => p.Value))
        {
            var max = 0f;
            for (var tag = 0; tag < t; tag++)
            {
                max = Math.Max(max, Math.Abs(weights[(id * t) + tag]));
            }

            if (max <= options.PruneBelow)
            {
                continue;
            }

            keptIndex[key] = keptIndex.Count;
            for (var tag = 0; tag < t; tag++)
            {
                kept.Add(weights[(id * t) + tag]);
            }
        }

        log?.Invoke($"kept {keptIndex.Count} of {index.Count} features");
        return new NerModel(tags, keptIndex, [.. kept], transitions, full, clusters);
    }

    /// <summary>One averaged perceptron run over the indexed features, shuffled from <paramref name="seed"/>: weights (feature × tag) and transitions.</summary>
    private static (float[] Weights, float[] Transitions) Fit(NerModel probe, int[][] features, int[][] offsets, int[][] gold, byte[][] classes, int featureCount, Options options, int seed, Action<string>? log)
    {
        var t = probe.TagCount;
        var block = (t + 1) * t;
        var weights = new float[featureCount * t];
        var totals = new double[featureCount * t];
        var transitions = new float[options.TransitionClasses * block];
        var transitionTotals = new double[options.TransitionClasses * block];
        var order = Enumerable.Range(0, gold.Length).ToArray();
        var random = new Random(seed);
        var c = 1L;
        var scores = new float[256 * t];
        var back = new int[256 * t];
        var predicted = new int[256];
        for (var epoch = 1; epoch <= options.Epochs; epoch++)
        {
            random.Shuffle(order);
            var errors = 0;
            foreach (var s in order)
            {
                var sentenceGold = gold[s];
                var n = sentenceGold.Length;
                if (scores.Length < n * t)
                {
                    scores = new float[n * t * 2];
                    back = new int[n * t * 2];
                    predicted = new int[n * 2];
                }

                var emissions = scores.AsSpan(0, n * t);
                emissions.Clear();
                for (var i = 0; i < n; i++)
                {
                    for (var k = offsets[s][i]; k < offsets[s][i + 1]; k++)
                    {
                        var row = features[s][k] * t;
                        for (var tag = 0; tag < t; tag++)
                        {
                            emissions[(i * t) + tag] += weights[row + tag];
                        }
                    }
                }

                // Loss-augmented decoding: wrong tags get a head start, so the update also fires for gold paths
                // that win by less than the margin (a cheap large-margin perceptron).
                if (options.Margin > 0)
                {
                    for (var i = 0; i < n; i++)
                    {
                        var margin = probe.StateTypes[sentenceGold[i]] == (int)EntityType.Organization ? options.Margin * options.MarginOrg : options.Margin;
                        for (var tag = 0; tag < t; tag++)
                        {
                            emissions[(i * t) + tag] += tag == sentenceGold[i] ? 0 : margin;
                        }
                    }
                }

                probe.Viterbi(emissions, n, predicted, back, transitions, options.TransitionClasses > 1 ? classes[s] : default);
                var wrong = false;
                for (var i = 0; i < n; i++)
                {
                    var g = sentenceGold[i];
                    var p = predicted[i];
                    if (g != p)
                    {
                        wrong = true;
                        for (var k = offsets[s][i]; k < offsets[s][i + 1]; k++)
                        {
                            var row = features[s][k] * t;
                            weights[row + g] += 1;
                            totals[row + g] += c;
                            weights[row + p] -= 1;
                            totals[row + p] -= c;
                        }
                    }

                    var gp = i == 0 ? 0 : sentenceGold[i - 1] + 1;
                    var pp = i == 0 ? 0 : predicted[i - 1] + 1;
                    if (gp != pp || g != p)
                    {
                        var into = classes[s][i] * block;
                        transitions[into + (gp * t) + g] += 1;
                        transitionTotals[into + (gp * t) + g] += c;
                        transitions[into + (pp * t) + p] -= 1;
                        transitionTotals[into + (pp * t) + p] -= c;
                    }
                }

                errors += wrong ? 1 : 0;
                c++;
            }

            log?.Invoke($"epoch {epoch}: {errors} sentences wrong of {gold.Length}");
        }

        var averaged = new float[weights.Length];
        for (var k = 0; k < weights.Length; k++)
        {
            averaged[k] = (float)(weights[k] - (totals[k] / c));
        }

        for (var k = 0; k < transitions.Length; k++)
        {
            transitions[k] = (float)(transitions[k] - (transitionTotals[k] / c));
        }

        return (averaged, transitions);

    }
}
