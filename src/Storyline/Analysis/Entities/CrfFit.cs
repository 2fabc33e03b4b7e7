namespace Storyline.Analysis.Entities;

/// <summary>
/// Fits the same weights as the perceptron (feature × tag emissions, tag-pair transitions) as a linear-chain
/// CRF instead: conditional log-likelihood by forward–backward under the decoding constraints, AdaGrad steps
/// after every sentence, L2 shrinkage of the weights a sentence touches. The result is decoded exactly as a
/// perceptron's is, so tagging costs the same.
/// </summary>
internal static class CrfFit
{
    public static (float[] Weights, float[] Transitions) Fit(NerModel probe, int[][] features, int[][] offsets, int[][] gold, byte[][] classes, int featureCount,
        NerTrainer.Options options, int seed, Action<string>? log)
    {
        var t = probe.TagCount;
        var block = (t + 1) * t;
        var weights = new float[featureCount * t];
        var squares = new float[featureCount * t];
        var transitions = new float[options.TransitionClasses * block];
        var transitionSquares = new float[transitions.Length];
        var allowed = new bool[transitions.Length];
        for (var b = 0; b < options.TransitionClasses; b++)
        {
            for (var p = -1; p < t; p++)
            {
                for (var y = 0; y < t; y++)
                {
                    allowed[(b * block) + ((p + 1) * t) + y] = probe.Allowed(p, y);
                }
            }
        }

        var last = new bool[t];
        for (var y = 0; y < t; y++)
        {
            last[y] = probe.AllowedLast(y);
        }

        var averaged = new float[weights.Length];
        var transitionSum = new float[transitions.Length];
        var order = Enumerable.Range(0, gold.Length).ToArray();
        var random = new Random(seed);
        var rate = options.CrfRate;
        var l2 = options.CrfL2;
        var alpha = new double[256 * t];
        var beta = new double[256 * t];
        var emissions = new double[256 * t];
        var transitionGradient = new double[transitions.Length];
        var tokenGradient = new double[t];
        for (var epoch = 1; epoch <= options.CrfEpochs; epoch++)
        {
            random.Shuffle(order);
            var loss = 0.0;
            foreach (var s in order)
            {
                var y = gold[s];
                var n = y.Length;
                if (alpha.Length < n * t)
                {
                    alpha = new double[n * t * 2];
                    beta = new double[n * t * 2];
                    emissions = new double[n * t * 2];
                }

                for (var i = 0; i < n; i++)
                {
                    for (var tag = 0; tag < t; tag++)
                    {
                        var sum = 0.0;
                        for (var k = offsets[s][i]; k < offsets[s][i + 1]; k++)
                        {
                            sum += weights[(features[s][k] * t) + tag];
                        }

                        emissions[(i * t) + tag] = sum;
                    }
                }

                // Softmax-margin (cost-augmented CRF, Gimpel & Smith 2010): every wrong state of a token gets a cost added to its
                // score in the partition function, so probability mass on costly mistakes is pushed down harder. Gold's cost is 0.
                if (options.CrfCost > 0)
                {
                    for (var i = 0; i < n; i++)
                    {
                        var cost = probe.StateTypes[y[i]] == (int)EntityType.Organization ? options.CrfCost * options.CrfCostOrg : options.CrfCost;
                        for (var tag = 0; tag < t; tag++)
                        {
                            emissions[(i * t) + tag] += tag == y[i] ? 0 : cost;
                        }
                    }
                }

                var c = classes[s];
                var logZ = ForwardBackward(emissions, transitions, allowed, last, c, block, n, t, alpha, beta);
                var goldScore = 0.0;
                for (var i = 0; i < n; i++)
                {
                    goldScore += emissions[(i * t) + y[i]] + transitions[(c[i] * block) + ((i == 0 ? 0 : y[i - 1] + 1) * t) + y[i]];
                }

                loss += logZ - goldScore;

                // Gradient of the log-likelihood: observed minus expected counts.
                Array.Clear(transitionGradient);
                for (var i = 0; i < n; i++)
                {
                    var into = c[i] * block;
                    for (var tag = 0; tag < t; tag++)
                    {
                        var marginal = Math.Exp(alpha[(i * t) + tag] + beta[(i * t) + tag] - logZ);
                        tokenGradient[tag] = (tag == y[i] ? 1 : 0) - marginal;
                        if (i == 0)
                        {
                            transitionGradient[into + tag] -= allowed[tag] ? marginal : 0;
                        }
                        else
                        {
                            for (var p = 0; p < t; p++)
                            {
                                var cell = into + ((p + 1) * t) + tag;
                                if (allowed[cell])
                                {
                                    transitionGradient[cell] -= Math.Exp(alpha[((i - 1) * t) + p] + transitions[cell] + emissions[(i * t) + tag] + beta[(i * t) + tag] - logZ);
                                }
                            }
                        }
                    }

                    transitionGradient[into + ((i == 0 ? 0 : y[i - 1] + 1) * t) + y[i]] += 1;
                    for (var k = offsets[s][i]; k < offsets[s][i + 1]; k++)
                    {
                        var row = features[s][k] * t;
                        for (var tag = 0; tag < t; tag++)
                        {
                            Step(weights, squares, row + tag, tokenGradient[tag] - (l2 * weights[row + tag]), rate);
                        }
                    }
                }

                for (var cell = 0; cell < transitions.Length; cell++)
                {
                    if (allowed[cell])
                    {
                        Step(transitions, transitionSquares, cell, transitionGradient[cell], rate);
                    }
                }
            }

            log?.Invoke($"crf epoch {epoch}: negative log-likelihood {loss:F0}");
            for (var k = 0; k < weights.Length; k++)
            {
                averaged[k] += weights[k] / options.CrfEpochs;
            }

            for (var k = 0; k < transitions.Length; k++)
            {
                transitionSum[k] += transitions[k] / options.CrfEpochs;
            }
        }

        return (averaged, transitionSum);
    }

    private static void Step(float[] weights, float[] squares, int index, double gradient, double rate)
    {
        // Marginals of impossible tags are exactly 0, of near-certain ones a rounding error: no step for those.
        if (Math.Abs(gradient) < 1e-9)
        {
            return;
        }

        squares[index] += (float)(gradient * gradient);
        weights[index] += (float)(rate * gradient / (Math.Sqrt(squares[index]) + 1e-6));
    }

    /// <summary>Log-space forward and backward scores; returns log Z.</summary>
    private static double ForwardBackward(double[] emissions, float[] transitions, bool[] allowed, bool[] last, byte[] classes, int block, int n, int t, double[] alpha, double[] beta)
    {
        Span<double> terms = stackalloc double[t];
        for (var y = 0; y < t; y++)
        {
            var cell = (classes[0] * block) + y;
            alpha[y] = allowed[cell] ? transitions[cell] + emissions[y] : double.NegativeInfinity;
        }

        for (var i = 1; i < n; i++)
        {
            for (var y = 0; y < t; y++)
            {
                for (var p = 0; p < t; p++)
                {
                    var cell = (classes[i] * block) + ((p + 1) * t) + y;
                    terms[p] = allowed[cell] ? alpha[((i - 1) * t) + p] + transitions[cell] : double.NegativeInfinity;
                }

                alpha[(i * t) + y] = LogSumExp(terms) + emissions[(i * t) + y];
            }
        }

        for (var y = 0; y < t; y++)
        {
            beta[((n - 1) * t) + y] = last[y] ? 0 : double.NegativeInfinity;
        }

        for (var i = n - 2; i >= 0; i--)
        {
            for (var p = 0; p < t; p++)
            {
                for (var y = 0; y < t; y++)
                {
                    var cell = (classes[i + 1] * block) + ((p + 1) * t) + y;
                    terms[y] = allowed[cell] ? transitions[cell] + emissions[((i + 1) * t) + y] + beta[((i + 1) * t) + y] : double.NegativeInfinity;
                }

                beta[(i * t) + p] = LogSumExp(terms);
            }
        }

        for (var y = 0; y < t; y++)
        {
            terms[y] = alpha[((n - 1) * t) + y] + beta[((n - 1) * t) + y];
        }

        return LogSumExp(terms);
    }

    private static double LogSumExp(ReadOnlySpan<double> values)
    {
        var max = double.NegativeInfinity;
        foreach (var v in values)
        {
            max = Math.Max(max, v);
        }

        if (double.IsNegativeInfinity(max))
        {
            return max;
        }

        var sum = 0.0;
        foreach (var v in values)
        {
            sum += Math.Exp(v - max);
        }

        return max + Math.Log(sum);
    }
}
