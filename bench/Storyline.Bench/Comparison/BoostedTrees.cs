namespace Storyline.Bench.Comparison;

/// <summary>
/// Gradient-boosted regression trees on the logistic loss (Friedman 2001), small and hand-written, to compare
/// with the logistic regression by cross-validation: depth-limited trees, shrinkage, split by exact scan of
/// each feature's sorted values.
/// </summary>
internal sealed class BoostedTrees
{
    private readonly List<Node[]> _trees = [];
    private double _base;

    public static BoostedTrees Train(IReadOnlyList<double[]> x, IReadOnlyList<bool> y, int rounds, int depth, double rate, int minLeaf)
    {
        var model = new BoostedTrees();
        var n = x.Count;
        var positive = y.Count(v => v);
        model._base = Math.Log((positive + 1.0) / (n - positive + 1.0));
        var score = Enumerable.Repeat(model._base, n).ToArray();
        var d = x[0].Length;
        var order = Enumerable.Range(0, d).Select(j => Enumerable.Range(0, n).OrderBy(i => x[i][j]).ToArray()).ToArray();
        for (var round = 0; round < rounds; round++)
        {
            var gradient = new double[n];
            var hessian = new double[n];
            for (var i = 0; i < n; i++)
            {
                var p = 1 / (1 + Math.Exp(-score[i]));
                gradient[i] = (y[i] ? 1 : 0) - p;
                hessian[i] = Math.Max(p * (1 - p), 1e-6);
            }

            var nodes = new List<Node>();
            var member = new int[n];
            Grow(nodes, x, order, gradient, hessian, member, 0, depth, rate, minLeaf);
            model._trees.Add([.. nodes]);
            for (var i = 0; i < n; i++)
            {
                score[i] += Evaluate(model._trees[^1], x[i]);
            }
        }

        return model;
    }

    public double Probability(double[] features)
    {
        var score = _base;
        foreach (var tree in _trees)
        {
            score += Evaluate(tree, features);
        }

        return 1 / (1 + Math.Exp(-score));
    }

    /// <summary>The trees as flat arrays (feature, threshold, left, right, value) for the weights file.</summary>
    public (double Base, IReadOnlyList<Node[]> Trees) Export() => (_base, _trees);

    private static double Evaluate(Node[] tree, double[] features)
    {
        var k = 0;
        while (tree[k].Feature >= 0)
        {
            k = features[tree[k].Feature] <= tree[k].Threshold ? tree[k].Left : tree[k].Right;
        }

        return tree[k].Value;
    }

    /// <summary>Grows the node for the rows with member == id; returns its index.</summary>
    private static int Grow(List<Node> nodes, IReadOnlyList<double[]> x, int[][] order, double[] g, double[] h, int[] member, int id, int depth, double rate, int minLeaf)
    {
        var index = nodes.Count;
        double sumG = 0, sumH = 0;
        var count = 0;
        for (var i = 0; i < member.Length; i++)
        {
            if (member[i] == id)
            {
                sumG += g[i];
                sumH += h[i];
                count++;
            }
        }

        nodes.Add(new Node(-1, 0, -1, -1, rate * sumG / (sumH + 1)));
        if (depth == 0 || count < 2 * minLeaf)
        {
            return index;
        }

        var (feature, threshold, gain) = (-1, 0.0, 0.0);
        var parent = sumG * sumG / (sumH + 1);
        var rows = new int[count];
        for (var j = 0; j < order.Length; j++)
        {
            var m = 0;
            foreach (var i in order[j])
            {
                if (member[i] == id)
                {
                    rows[m++] = i;
                }
            }

            double leftG = 0, leftH = 0;
            for (var r = 0; r < count - 1; r++)
            {
                var i = rows[r];
                leftG += g[i];
                leftH += h[i];
                var next = rows[r + 1];
                if (x[next][j] <= x[i][j] || r + 1 < minLeaf || count - r - 1 < minLeaf)
                {
                    continue;
                }

                var rightG = sumG - leftG;
                var rightH = sumH - leftH;
                var candidate = (leftG * leftG / (leftH + 1)) + (rightG * rightG / (rightH + 1)) - parent;
                if (candidate > gain)
                {
                    (feature, threshold, gain) = (j, (x[i][j] + x[next][j]) / 2, candidate);
                }
            }
        }

        if (feature < 0)
        {
            return index;
        }

        var leftId = (id * 2) + 1;
        var rightId = (id * 2) + 2;
        for (var i = 0; i < member.Length; i++)
        {
            if (member[i] == id)
            {
                member[i] = x[i][feature] <= threshold ? leftId : rightId;
            }
        }

        var left = Grow(nodes, x, order, g, h, member, leftId, depth - 1, rate, minLeaf);
        var right = Grow(nodes, x, order, g, h, member, rightId, depth - 1, rate, minLeaf);
        nodes[index] = new Node(feature, threshold, left, right, 0);
        return index;
    }

    internal readonly record struct Node(int Feature, double Threshold, int Left, int Right, double Value);
}
