using System.IO.Compression;
using Storyline.Analysis.Text;

namespace Storyline.Analysis.Entities;

/// <summary>
/// Place names from an outside list (GeoNames cities, countries, first-level regions), read from a
/// tab-separated file of <c>class	name</c> lines and kept as hashes of their lower-cased tokens, as the
/// gazetteer matches them (with their proper prefixes flagged, see <see cref="Gazetteer.PrefixFlag"/>). A name listed
/// under several classes keeps the lowest class number, so the file's class numbering is its priority (country
/// before region before city).
/// </summary>
internal static class PlaceList
{
    /// <summary>The classes the file may use (1…<see cref="MaxClass"/>).</summary>
    public const int MaxClass = 7;

    /// <summary>Reads a list (gzip when the file name ends in .gz); lines that are malformed or too long are skipped.</summary>
    public static Dictionary<ulong, byte> Read(string path)
    {
        using var file = File.OpenRead(path);
        using Stream stream = path.EndsWith(".gz", StringComparison.OrdinalIgnoreCase) ? new GZipStream(file, CompressionMode.Decompress) : file;
        using var reader = new StreamReader(stream);
        return Read(reader);
    }

    /// <summary>Reads <c>class	name</c> lines.</summary>
    public static Dictionary<ulong, byte> Read(TextReader reader)
    {
        ArgumentNullException.ThrowIfNull(reader);
        var places = new Dictionary<ulong, byte>();
        var prefixes = new HashSet<ulong>();
        var lowers = new List<ulong>();
        var tokens = new List<Token>();
        while (reader.ReadLine() is { } line)
        {
            var tab = line.IndexOf('\t', StringComparison.Ordinal);
            if (tab != 1 || line[0] < '1' || line[0] > (char)('0' + MaxClass))
            {
                continue;
            }

            var name = line.AsSpan(tab + 1).Trim();
            tokens.Clear();
            Tokenizer.Tokenize(name, tokens);
            if (tokens.Count == 0 || tokens.Count > Gazetteer.MaxLength)
            {
                continue;
            }

            lowers.Clear();
            foreach (var token in tokens)
            {
                lowers.Add(FeatureHash.Of(name.Slice(token.Start, token.Length), true));
            }

            var sequence = System.Runtime.InteropServices.CollectionsMarshal.AsSpan(lowers);
            var key = Gazetteer.SequenceHash(sequence, 0, lowers.Count);
            var type = (byte)(line[0] - '0');
            if (!places.TryGetValue(key, out var known) || type < known)
            {
                places[key] = type;
            }

            for (var k = 1; k < lowers.Count; k++)
            {
                prefixes.Add(Gazetteer.SequenceHash(sequence, 0, k));
            }
        }

        Gazetteer.MarkPrefixes(places, prefixes);
        return places;
    }
}
