using System.Runtime.CompilerServices;

namespace Storyline.Analysis.Entities;

/// <summary>64-bit hashing of strings and feature templates, without allocating.</summary>
internal static class FeatureHash
{
    /// <summary>splitmix64 finaliser.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static ulong Mix(ulong x)
    {
        x ^= x >> 30;
        x *= 0xBF58476D1CE4E5B9UL;
        x ^= x >> 27;
        x *= 0x94D049BB133111EBUL;
        x ^= x >> 31;
        return x;
    }

    /// <summary>FNV-1a over the characters, lower-cased when asked.</summary>
    public static ulong Of(ReadOnlySpan<char> s, bool lower)
    {
        var h = 0xCBF29CE484222325UL;
        foreach (var c in s)
        {
            h ^= lower ? char.ToLowerInvariant(c) : c;
            h *= 0x100000001B3UL;
        }

        return Mix(h);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static ulong Feature(int template, ulong a) => Mix(((ulong)template * 0x9E3779B97F4A7C15UL) ^ a);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static ulong Feature(int template, ulong a, ulong b) => Mix(Feature(template, a) + (b * 0xC2B2AE3D27D4EB4FUL));
}
