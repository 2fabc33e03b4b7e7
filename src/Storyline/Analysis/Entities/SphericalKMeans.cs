namespace Storyline.Analysis.Entities;

/// <summary>
/// Top-down spherical k-means over unit-length sparse rows (similarity = dot product): the rows are split
/// into k groups, each group again, and so on; a row's path is its group index at every level in binary.
/// Seeding is k-means++ from a fixed seed, and each assignment depends only on the centroids, so the
/// result does not depend on thread timing.
/// </summary>
internal sealed class SphericalKMeans(SparseVectors vectors, int iterations, int seed)
{
    private int _node;

    /// <summary>The path of every row, <paramref name="branching"/>[level] groups at each level.</summary>
    public string[] Split(int[] branching)
    {
        ArgumentNullException.ThrowIfNull(branching);
        var paths = new string[vectors.Rows];
        _node = 0;
        Split([.. Enumerable.Range(0, vectors.Rows)], 0, "", branching, paths);
        return paths;
    }

    private void Split(int[] members, int level, string prefix, int[] branching, string[] paths)
    {
        if (level == branching.Length)
        {
            foreach (var m in members)
            {
                paths[m] = prefix;
            }

            return;
        }

        var k = branching[level];
        var bits = 0;
        while ((1 << bits) < k)
        {
            bits++;
        }

        var assignment = Cluster(members, k, new Random(seed + (_node++ * 7919)));
        for (var j = 0; j < k; j++)
        {
            var child = members.Where((_, i) => assignment[i] == j).ToArray();
            if (child.Length > 0)
            {
                Split(child, level + 1, prefix + Convert.ToString(j, 2).PadLeft(bits, '0'), branching, paths);
            }
        }
    }

    /// <summary>The group (0 … k−1) of each member.</summary>
    private int[] Cluster(int[] members, int k, Random random)
    {
        var assignment = new int[members.Length];
        if (members.Length <= k)
        {
            for (var i = 0; i < members.Length; i++)
            {
                assignment[i] = i;
            }

            return assignment;
        }

        var d = vectors.Dimensions;
        var centroids = new float[k * d];
        Seed(members, k, centroids, random);
        var similarity = new float[members.Length];
        for (var iteration = 0; iteration < iterations; iteration++)
        {
            var changed = 0;
            Parallel.For(0, members.Length, () => 0, (i, _, moved) =>
            {
                var best = 0;
                var bestScore = float.NegativeInfinity;
                for (var j = 0; j < k; j++)
                {
                    var s = vectors.Dot(members[i], centroids.AsSpan(j * d, d));
                    if (s > bestScore)
                    {
                        bestScore = s;
                        best = j;
                    }
                }

                similarity[i] = bestScore;
                if (iteration == 0 || assignment[i] != best)
                {
                    assignment[i] = best;
                    moved++;
                }

                return moved;
            }, moved => Interlocked.Add(ref changed, moved));

            if (changed == 0)
            {
                break;
            }

            // New centroids: the normalised sum of their members; an empty group takes the worst-fitting row.
            Array.Clear(centroids);
            var sizes = new int[k];
            for (var i = 0; i < members.Length; i++)
            {
                vectors.AddTo(members[i], centroids.AsSpan(assignment[i] * d, d));
                sizes[assignment[i]]++;
            }

            for (var j = 0; j < k; j++)
            {
                var centroid = centroids.AsSpan(j * d, d);
                if (sizes[j] == 0)
                {
                    var worst = 0;
                    for (var i = 1; i < members.Length; i++)
                    {
                        worst = similarity[i] < similarity[worst] ? i : worst;
                    }

                    similarity[worst] = float.PositiveInfinity;
                    vectors.AddTo(members[worst], centroid);
                }

                Normalise(centroid);
            }
        }

        return assignment;
    }

    /// <summary>k-means++: each next centre drawn with probability proportional to the squared distance to the nearest chosen one.</summary>
    private void Seed(int[] members, int k, float[] centroids, Random random)
    {
        var d = vectors.Dimensions;
        var distance = new double[members.Length];
        Array.Fill(distance, double.MaxValue);
        var chosen = members[random.Next(members.Length)];
        for (var j = 0; j < k; j++)
        {
            var centroid = centroids.AsSpan(j * d, d);
            vectors.AddTo(chosen, centroid);
            Normalise(centroid);
            var total = 0.0;
            for (var i = 0; i < members.Length; i++)
            {
                // For unit vectors the squared distance is 2 − 2 cos.
                var far = Math.Max(0.0, 2.0 - (2.0 * vectors.Dot(members[i], centroid)));
                distance[i] = Math.Min(distance[i], far);
                total += distance[i];
            }

            var target = random.NextDouble() * total;
            chosen = members[^1];
            for (var i = 0; i < members.Length; i++)
            {
                target -= distance[i];
                if (target <= 0)
                {
                    chosen = members[i];
                    break;
                }
            }
        }
    }

    private static void Normalise(Span<float> vector)
    {
        var norm = 0.0;
        foreach (var v in vector)
        {
            norm += v * v;
        }

        if (norm > 0)
        {
            var scale = (float)(1 / Math.Sqrt(norm));
            for (var i = 0; i < vector.Length; i++)
            {
                vector[i] *= scale;
            }
        }
    }
}
