using Storyline.Analysis.Entities;

namespace Storyline.Tests.Analysis;

public sealed class VectorViterbiTests
{
    /// <summary>
    /// The vector decoder must choose exactly the scalar decoder's path with the shipped model's transitions:
    /// random scores, tokens of every transition class, and unscored tokens (only O finite).
    /// </summary>
    [Fact]
    public void Vector_decoder_finds_the_scalar_path()
    {
        var model = EntityRecognizer.Default.Model;
        var t = model.TagCount;
        var outside = Array.IndexOf(model.States, "O");
        var random = new Random(20261129);
        var differences = 0;
        for (var sentence = 0; sentence < 2000; sentence++)
        {
            var n = random.Next(1, 40);
            var scores = new float[n * t];
            var scored = new bool[n];
            var classes = new byte[n];
            for (var i = 0; i < n; i++)
            {
                scored[i] = random.NextDouble() < 0.6;
                classes[i] = (byte)random.Next(model.TransitionClasses);
                for (var k = 0; k < t; k++)
                {
                    scores[(i * t) + k] = scored[i] ? random.Next(-4, 5) * 0.5f : k == outside ? 0f : float.NegativeInfinity;
                }
            }

            var useClasses = model.TransitionClasses > 1 ? classes : default;
            var expected = new int[n];
            var actual = new int[n];
            model.Viterbi(scores, n, expected, new int[n * t], model.Transitions, useClasses);
            model.Decode(scores, n, actual, new int[n * t], useClasses, sentence % 2 == 0 ? scored : default);
            differences += expected.SequenceEqual(actual) ? 0 : 1;
        }

        Assert.Equal(0, differences);
    }

    /// <summary>
    /// Ties go the same way: with transitions and scores on a coarse grid of integers, many paths score the same,
    /// and the vector decoder must still take the scalar decoder's (the first predecessor in state order). With a
    /// non-strict comparison in the vector decoder this test fails; the one above does not.
    /// </summary>
    [Fact]
    public void Vector_decoder_breaks_ties_as_the_scalar_one_does()
    {
        string[] states = ["O", "B-PER", "I-PER", "L-PER", "U-PER", "B-ORG", "I-ORG", "L-ORG", "U-ORG", "B-LOC", "I-LOC", "L-LOC", "U-LOC"];
        var t = states.Length;
        var random = new Random(29);
        var transitions = new float[2 * (t + 1) * t];
        for (var k = 0; k < transitions.Length; k++)
        {
            transitions[k] = random.Next(-1, 2);
        }

        var model = new NerModel(states, [], [], transitions, new Gazetteer([], []), WordClusters.None);
        for (var sentence = 0; sentence < 2000; sentence++)
        {
            var n = random.Next(1, 30);
            var scores = new float[n * t];
            var classes = new byte[n];
            for (var i = 0; i < n; i++)
            {
                classes[i] = (byte)random.Next(2);
                for (var k = 0; k < t; k++)
                {
                    scores[(i * t) + k] = random.Next(-1, 2);
                }
            }

            var expected = new int[n];
            var actual = new int[n];
            model.Viterbi(scores, n, expected, new int[n * t], model.Transitions, classes);
            model.Decode(scores, n, actual, new int[n * t], classes, default);
            Assert.Equal(expected, actual);
        }
    }
}
