using System.Buffers;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;

namespace Storyline.Dedup;

/// <summary>
/// A MinHash signature of a text's word shingles: for each of <see cref="Size"/> hash functions, the
/// least hash of any shingle. The share of equal slots of two signatures estimates the Jaccard similarity
/// of their shingle sets with standard error √(J(1−J)/k) ≤ 0.5/√k (0.044 for k = 128).
/// </summary>
public sealed class MinHashSignature
{
    /// <summary>Hash functions per signature.</summary>
    public const int Size = 128;

    /// <summary>Words per shingle.</summary>
    public const int ShingleWords = 5;

    private static readonly uint[] Salts = [.. Seeds(0x9E3779B97F4A7C15UL, Size).Select(s => (uint)s)];
    private readonly uint[] _values;

    private MinHashSignature(uint[] values, int shingleCount)
    {
        _values = values;
        ShingleCount = shingleCount;
    }

    /// <summary>How many distinct-position shingles the text had (0 for an empty text).</summary>
    public int ShingleCount { get; }

    /// <summary>The signature values.</summary>
    public ReadOnlySpan<uint> Values => _values;

    /// <summary>The signature of a text: lower-cased words of letters and digits, in shingles of <see cref="ShingleWords"/>.</summary>
    public static MinHashSignature Compute(ReadOnlySpan<char> text)
    {
        var values = new uint[Size];
        values.AsSpan().Fill(uint.MaxValue);
        var window = ArrayPool<ulong>.Shared.Rent(ShingleWords);
        var words = 0;
        var shingles = 0;
        var i = 0;
        while (i < text.Length)
        {
            if (!char.IsLetterOrDigit(text[i]))
            {
                i++;
                continue;
            }

            var hash = 14695981039346656037UL;
            while (i < text.Length && char.IsLetterOrDigit(text[i]))
            {
                hash = (hash ^ char.ToLowerInvariant(text[i])) * 1099511628211UL;
                i++;
            }

            window[words % ShingleWords] = hash;
            words++;
            if (words >= ShingleWords)
            {
                Update(values, ShingleHash(window, words));
                shingles++;
            }
        }

        if (words is > 0 and < ShingleWords)
        {
            // A text shorter than one shingle is one shingle of all its words.
            Update(values, ShingleHash(window, words));
            shingles = 1;
        }

        ArrayPool<ulong>.Shared.Return(window);
        return new MinHashSignature(values, shingles);
    }

    /// <summary>A signature from stored bytes (as written by <see cref="ToBytes"/>).</summary>
    public static MinHashSignature FromBytes(ReadOnlySpan<byte> bytes, int shingleCount)
    {
        if (bytes.Length != Size * sizeof(uint))
        {
            throw new ArgumentException($"a signature is {Size * sizeof(uint)} bytes, not {bytes.Length}", nameof(bytes));
        }

        return new MinHashSignature(MemoryMarshal.Cast<byte, uint>(bytes).ToArray(), shingleCount);
    }

    /// <summary>The signature as bytes for storage (little-endian machine order).</summary>
    public byte[] ToBytes() => MemoryMarshal.AsBytes(_values.AsSpan()).ToArray();

    /// <summary>Estimated Jaccard similarity of the two shingle sets.</summary>
    public double Jaccard(MinHashSignature other)
    {
        ArgumentNullException.ThrowIfNull(other);
        if (ShingleCount == 0 || other.ShingleCount == 0)
        {
            return 0;
        }

        var equal = 0;
        for (var k = 0; k < Size; k++)
        {
            if (_values[k] == other._values[k])
            {
                equal++;
            }
        }

        return (double)equal / Size;
    }

    /// <summary>Estimated share of the smaller text's shingles found in the larger (from Jaccard and the set sizes).</summary>
    public double Containment(MinHashSignature other)
    {
        ArgumentNullException.ThrowIfNull(other);
        var j = Jaccard(other);
        var smaller = Math.Min(ShingleCount, other.ShingleCount);
        return smaller == 0 ? 0 : Math.Min(1, j * (ShingleCount + other.ShingleCount) / ((1 + j) * smaller));
    }

    /// <summary>
    /// Hash function k is a 32-bit avalanche mix (murmur3's finaliser) of the shingle hash salted with a
    /// per-function constant; eight functions at a time in 256-bit vectors — this loop is most of the
    /// cost of signing a text.
    /// </summary>
    private static void Update(uint[] values, ulong shingle)
    {
        var x = Vector256.Create((uint)(shingle ^ (shingle >> 32)));
        var salts = MemoryMarshal.Cast<uint, Vector256<uint>>(Salts.AsSpan());
        var minima = MemoryMarshal.Cast<uint, Vector256<uint>>(values.AsSpan());
        var c1 = Vector256.Create(0x85EBCA6Bu);
        var c2 = Vector256.Create(0xC2B2AE35u);
        for (var k = 0; k < minima.Length; k++)
        {
            var h = x ^ salts[k];
            h ^= Vector256.ShiftRightLogical(h, 16);
            h *= c1;
            h ^= Vector256.ShiftRightLogical(h, 13);
            h *= c2;
            h ^= Vector256.ShiftRightLogical(h, 16);
            minima[k] = Vector256.Min(minima[k], h);
        }
    }

    private static ulong ShingleHash(ulong[] window, int words)
    {
        // Order matters: combine the last words from oldest to newest.
        var count = Math.Min(words, ShingleWords);
        var hash = 0xCBF29CE484222325UL;
        for (var w = words - count; w < words; w++)
        {
            hash = (hash ^ window[w % ShingleWords]) * 0x100000001B3UL;
            hash ^= hash >> 29;
        }

        return Mix(hash);
    }

    private static ulong Mix(ulong x)
    {
        x ^= x >> 33;
        x *= 0xFF51AFD7ED558CCDUL;
        x ^= x >> 33;
        x *= 0xC4CEB9FE1A85EC53UL;
        return x ^ (x >> 33);
    }

    private static ulong[] Seeds(ulong seed, int count)
    {
        var result = new ulong[count];
        var state = seed;
        for (var i = 0; i < count; i++)
        {
            state += 0x9E3779B97F4A7C15UL;
            result[i] = Mix(state);
        }

        return result;
    }
}
