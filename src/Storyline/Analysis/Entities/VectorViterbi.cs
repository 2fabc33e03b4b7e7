using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;

namespace Storyline.Analysis.Entities;

/// <summary>
/// Viterbi decoding for a model's own transitions with the states as vector lanes: for each previous state, one
/// add and one compare for all (up to <see cref="MaxStates"/>) next states at once, instead of a scalar loop over
/// each state's allowed predecessors. The scheme's constraint is folded into the transitions as −∞, and previous
/// states are visited in ascending order with a strict comparison, as <see cref="NerModel.Viterbi"/> visits them:
/// every sum is the same float addition and every tie goes the same way, so the path is exactly the scalar one's.
/// Immutable; thread-safe.
/// </summary>
internal sealed class VectorViterbi
{
    /// <summary>States that fit the lanes (two 256-bit vectors of floats).</summary>
    public const int MaxStates = 16;

    private const int Lanes = MaxStates;

    private readonly int _states;
    private readonly int _outside;

    /// <summary>Per token class, per previous state (−1 first: the sentence start), <see cref="Lanes"/> transition scores, −∞ where not allowed.</summary>
    private readonly float[] _allowed;

    /// <summary>Per next state, the first allowed previous state: the scalar decoder's choice when no predecessor scores above −∞.</summary>
    private readonly int[] _firstPredecessor = new int[Lanes];

    /// <summary>Per state, 0 when it may end a sentence, else −∞.</summary>
    private readonly float[] _end;

    /// <param name="states">Decoding states.</param>
    /// <param name="transitions">Per class, (previous + 1) × states + state, as <see cref="NerModel.Transitions"/>.</param>
    /// <param name="constraint">0 where allowed, −∞ where not, laid out as one class of <paramref name="transitions"/>, then the sentence-end row.</param>
    /// <param name="firstPredecessors">Per state, its first allowed previous state.</param>
    /// <param name="outside">The O state: the only one an unscored token may take.</param>
    public VectorViterbi(int states, ReadOnlySpan<float> transitions, ReadOnlySpan<float> constraint, ReadOnlySpan<int> firstPredecessors, int outside)
    {
        ArgumentOutOfRangeException.ThrowIfGreaterThan(states, MaxStates);
        _states = states;
        _outside = outside;
        firstPredecessors.CopyTo(_firstPredecessor);
        var block = (states + 1) * states;
        _end = constraint.Slice(block, states).ToArray();
        var classes = transitions.Length / block;
        _allowed = new float[classes * (states + 1) * Lanes];
        Array.Fill(_allowed, float.NegativeInfinity);
        for (var c = 0; c < classes; c++)
        {
            for (var previous = -1; previous < states; previous++)
            {
                for (var k = 0; k < states; k++)
                {
                    var cell = ((previous + 1) * states) + k;
                    if (!float.IsNegativeInfinity(constraint[cell]))
                    {
                        _allowed[(((c * (states + 1)) + previous + 1) * Lanes) + k] = transitions[(c * block) + cell];
                    }
                }
            }
        }
    }

    /// <summary>
    /// The best state of each of <paramref name="n"/> tokens into <paramref name="tags"/>, from their emission
    /// scores (<paramref name="n"/> × states). <paramref name="classes"/>: per token its transition class (empty:
    /// one class); <paramref name="scored"/>: per token whether it was scored (empty: all were), an unscored
    /// token's only finite state being O.
    /// </summary>
    public void Decode(ReadOnlySpan<float> scores, int n, Span<int> tags, int[] back, ReadOnlySpan<byte> classes, ReadOnlySpan<bool> scored)
    {
        var t = _states;
        Span<float> previous = stackalloc float[Lanes];
        Span<float> best = stackalloc float[Lanes];
        Span<int> arg = stackalloc int[Lanes];
        previous.Fill(float.NegativeInfinity);
        var start = _allowed.AsSpan((classes.IsEmpty ? 0 : classes[0]) * (t + 1) * Lanes, t);
        for (var k = 0; k < t; k++)
        {
            // The constraint is 0 where allowed: scores + transition (+ 0), or −∞, as the scalar decoder adds them.
            previous[k] = scores[k] + start[k];
        }

        for (var i = 1; i < n; i++)
        {
            var cls = classes.IsEmpty ? 0 : classes[i];
            if (!scored.IsEmpty && !scored[i])
            {
                StepOutside(scores, i, previous, back, cls);
                continue;
            }

            Step(previous, best, arg, cls);
            for (var k = 0; k < t; k++)
            {
                previous[k] = best[k] + scores[(i * t) + k];
                back[(i * t) + k] = arg[k];
            }
        }

        Backtrack(previous[..t], _end, n, tags, back);
    }

    /// <summary>
    /// The end of Viterbi decoding, shared with <see cref="NerModel.Viterbi"/>: adds whether each state may end the
    /// sentence to the last token's scores, takes the best (the first on ties), and follows the back pointers.
    /// </summary>
    internal static void Backtrack(Span<float> last, ReadOnlySpan<float> end, int n, Span<int> tags, int[] back)
    {
        var t = last.Length;
        for (var k = 0; k < t; k++)
        {
            last[k] += end[k];
        }

        var state = 0;
        for (var k = 1; k < t; k++)
        {
            if (last[k] > last[state])
            {
                state = k;
            }
        }

        for (var i = n - 1; i >= 0; i--)
        {
            tags[i] = state;
            if (i > 0)
            {
                state = back[(i * t) + state];
            }
        }
    }

    /// <summary>For every next state at once, the best previous state and its score (before the emission).</summary>
    private void Step(Span<float> previous, Span<float> best, Span<int> arg, int cls)
    {
        ref var rows = ref _allowed[((cls * (_states + 1)) + 1) * Lanes];
        var bestLow = Vector256.Create(float.NegativeInfinity);
        var bestHigh = bestLow;
        var argLow = Vector256.Create<int>(_firstPredecessor.AsSpan(0, 8));
        var argHigh = Vector256.Create<int>(_firstPredecessor.AsSpan(8, 8));
        for (var p = 0; p < _states; p++)
        {
            var from = Vector256.Create(previous[p]);
            var which = Vector256.Create(p);
            var low = from + Vector256.LoadUnsafe(ref rows, (nuint)(p * Lanes));
            var high = from + Vector256.LoadUnsafe(ref rows, (nuint)((p * Lanes) + 8));
            var lowWins = Vector256.GreaterThan(low, bestLow);
            var highWins = Vector256.GreaterThan(high, bestHigh);
            bestLow = Vector256.ConditionalSelect(lowWins, low, bestLow);
            bestHigh = Vector256.ConditionalSelect(highWins, high, bestHigh);
            argLow = Vector256.ConditionalSelect(lowWins.AsInt32(), which, argLow);
            argHigh = Vector256.ConditionalSelect(highWins.AsInt32(), which, argHigh);
        }

        bestLow.CopyTo(best);
        bestHigh.CopyTo(best[8..]);
        argLow.CopyTo(arg);
        argHigh.CopyTo(arg[8..]);
    }

    /// <summary>A token that may only be O: only O's best predecessor is searched, every other state is −∞.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private void StepOutside(ReadOnlySpan<float> scores, int i, Span<float> previous, int[] back, int cls)
    {
        var t = _states;
        var row = _allowed.AsSpan(((cls * (t + 1)) + 1) * Lanes);
        var best = float.NegativeInfinity;
        var arg = _firstPredecessor[_outside];
        for (var p = 0; p < t; p++)
        {
            var s = previous[p] + row[(p * Lanes) + _outside];
            if (s > best)
            {
                best = s;
                arg = p;
            }
        }

        for (var k = 0; k < t; k++)
        {
            back[(i * t) + k] = _outside;
        }

        back[(i * t) + _outside] = arg;
        previous[..t].Fill(float.NegativeInfinity);
        previous[_outside] = best + scores[(i * t) + _outside];
    }
}
