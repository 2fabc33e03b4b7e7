using System.Globalization;
using System.IO.Compression;
using System.Text;

namespace Storyline.Analysis.Entities;

/// <summary>
/// Word clusters for the tagger's features: lower-cased word hash → the cluster path as a number
/// (<see cref="PathBits"/> bits, all words' paths the same length). Read from the gzipped
/// "path TAB word TAB count" file that <see cref="ClusterTrainer"/>'s output is written to, and stored
/// inside the model so that tagging needs no second resource.
/// </summary>
internal sealed class WordClusters
{
    private readonly Dictionary<ulong, ushort> _paths;   // path + 1; 0 means unknown

    // Asked about every new word the tagger meets: an open-addressing table, not the dictionary.
    private readonly HashLookup<ushort> _lookup;

    public WordClusters(Dictionary<ulong, ushort> paths, int pathBits)
    {
        _paths = paths;
        _lookup = new HashLookup<ushort>(paths);
        PathBits = pathBits;
    }

    public static WordClusters None { get; } = new([], 0);

    public int PathBits { get; }

    public int Count => _paths.Count;

    public IReadOnlyDictionary<ulong, ushort> Paths => _paths;

    /// <summary>The word's path + 1, or 0 when the word was not clustered.</summary>
    public ushort Of(ulong lowerHash) => _lookup[lowerHash];

    /// <summary>The first <paramref name="bits"/> bits of a path from <see cref="Of"/> (+ 1; 0 stays unknown).</summary>
    public ulong Prefix(ushort path, int bits) => path == 0 ? 0UL : (ulong)((path - 1) >> (PathBits - Math.Min(bits, PathBits))) + 1;

    public static WordClusters From(IEnumerable<WordCluster> clusters)
    {
        ArgumentNullException.ThrowIfNull(clusters);
        var paths = new Dictionary<ulong, ushort>();
        var bits = 0;
        foreach (var cluster in clusters)
        {
            bits = Math.Max(bits, cluster.Path.Length);
        }

        if (bits > 15)
        {
            throw new InvalidDataException($"cluster paths of {bits} bits; at most 15 fit");
        }

        foreach (var cluster in clusters)
        {
            // Shorter paths (a group too small to split) are padded with zeros: the prefixes stay right.
            var value = Convert.ToInt32(cluster.Path.PadRight(bits, '0'), 2);
            paths[FeatureHash.Of(cluster.Word, true)] = (ushort)(value + 1);
        }

        return new WordClusters(paths, bits);
    }

    /// <summary>Writes the hashed paths into a model file (keys delta-coded in order).</summary>
    public void Write(BinaryWriter writer)
    {
        ArgumentNullException.ThrowIfNull(writer);
        writer.Write(PathBits);
        writer.Write(_paths.Count);
        var previous = 0UL;
        foreach (var (key, path) in _paths.OrderBy(p => p.Key))
        {
            writer.Write7BitEncodedInt64((long)(key - previous));
            writer.Write(path);
            previous = key;
        }
    }

    /// <summary>Reads what <see cref="Write(BinaryWriter)"/> wrote.</summary>
    public static WordClusters Read(BinaryReader reader)
    {
        ArgumentNullException.ThrowIfNull(reader);
        var bits = reader.ReadInt32();
        var count = reader.ReadInt32();
        var paths = new Dictionary<ulong, ushort>(count);
        var key = 0UL;
        for (var k = 0; k < count; k++)
        {
            key += (ulong)reader.Read7BitEncodedInt64();
            paths[key] = reader.ReadUInt16();
        }

        return new WordClusters(paths, bits);
    }

    public static void Write(Stream stream, IEnumerable<WordCluster> clusters)
    {
        ArgumentNullException.ThrowIfNull(clusters);
        using var gzip = new GZipStream(stream, CompressionLevel.SmallestSize, leaveOpen: true);
        using var writer = new StreamWriter(gzip, new UTF8Encoding(false)) { NewLine = "\n" };
        foreach (var c in clusters.OrderBy(c => c.Path, StringComparer.Ordinal).ThenByDescending(c => c.Count).ThenBy(c => c.Word, StringComparer.Ordinal))
        {
            writer.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{c.Path}\t{c.Word}\t{c.Count}"));
        }
    }

    public static List<WordCluster> Read(Stream stream)
    {
        using var gzip = new GZipStream(stream, CompressionMode.Decompress, leaveOpen: true);
        using var reader = new StreamReader(gzip, Encoding.UTF8);
        var list = new List<WordCluster>();
        string? line;
        while ((line = reader.ReadLine()) is not null)
        {
            var parts = line.Split('\t');
            if (parts.Length == 3)
            {
                list.Add(new WordCluster(parts[1], parts[0], int.Parse(parts[2], CultureInfo.InvariantCulture)));
            }
        }

        return list;
    }
}
