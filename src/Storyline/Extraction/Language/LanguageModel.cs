using System.IO.Compression;
using System.Text;

namespace Storyline.Extraction.Language;

/// <summary>
/// The character n-gram profiles of languages that share a writing system, one
/// <see cref="NgramProfiles"/> a script. Trained by the bench command <c>train-language</c> and shipped as
/// the embedded resource <c>Storyline.Models.language-udhr.bin</c> (gzip; columns: key deltas, entry
/// counts, entry languages, entry weights — similar numbers side by side compress best).
/// </summary>
internal sealed class LanguageModel
{
    /// <summary>The embedded resource the shipped model is read from.</summary>
    public const string ResourceName = "Storyline.Models.language-udhr.bin";

    private const int Magic = 0x44494C53; // "SLID"
    private const int Version = 1;

    private static readonly Lazy<LanguageModel> ShippedModel = new(LoadShipped);

    private readonly NgramProfiles?[] _byScript = new NgramProfiles?[WritingScripts.Count];

    /// <summary>A model of the given profiles (at most one a script).</summary>
    public LanguageModel(IEnumerable<NgramProfiles> groups)
    {
        Groups = [.. groups];
        foreach (var group in Groups)
        {
            _byScript[(int)group.Script] = _byScript[(int)group.Script] is null
                ? group
                : throw new ArgumentException($"two profiles for {group.Script}", nameof(groups));
        }
    }

    /// <summary>The model embedded in the assembly, read once.</summary>
    public static LanguageModel Shipped => ShippedModel.Value;

    /// <summary>The profiles, one a script.</summary>
    public IReadOnlyList<NgramProfiles> Groups { get; }

    /// <summary>The profiles of the languages written in <paramref name="script"/>, if any.</summary>
    public NgramProfiles? For(WritingScript script) => _byScript[(int)script];

    /// <summary>Reads a model written by <see cref="Write"/>.</summary>
    public static LanguageModel Load(Stream stream)
    {
        using var gzip = new GZipStream(stream, CompressionMode.Decompress, leaveOpen: true);
        // Most of the model is one-byte reads: through a buffer, not one inflate call each.
        using var buffered = new BufferedStream(gzip, 1 << 16);
        using var reader = new BinaryReader(buffered, Encoding.UTF8);
        if (reader.ReadInt32() != Magic || reader.ReadInt32() != Version)
        {
            throw new InvalidDataException("not a Storyline language model (or another version)");
        }

        var groups = new NgramProfiles[reader.ReadInt32()];
        for (var g = 0; g < groups.Length; g++)
        {
            var script = Enum.Parse<WritingScript>(reader.ReadString());
            var languages = new string[reader.ReadInt32()];
            for (var l = 0; l < languages.Length; l++)
            {
                languages[l] = reader.ReadString();
            }

            var floors = new short[languages.Length * CharacterNgrams.MaxOrder];
            for (var i = 0; i < floors.Length; i++)
            {
                floors[i] = reader.ReadInt16();
            }

            var keys = new ulong[reader.ReadInt32()];
            ulong last = 0;
            for (var i = 0; i < keys.Length; i++)
            {
                keys[i] = last += (ulong)reader.Read7BitEncodedInt64();
            }

            var starts = new int[keys.Length + 1];
            for (var i = 0; i < keys.Length; i++)
            {
                starts[i + 1] = starts[i] + reader.ReadByte();
            }

            var languageOf = reader.ReadBytes(starts[^1]);
            var weights = reader.ReadBytes(starts[^1]);
            if (weights.Length != starts[^1])
            {
                throw new EndOfStreamException("truncated language model");
            }

            groups[g] = new NgramProfiles(script, languages, floors, keys, starts, languageOf, weights);
        }

        return new LanguageModel(groups);
    }

    /// <summary>Writes the model; the same model always gives the same bytes.</summary>
    public void Write(Stream stream)
    {
        using var gzip = new GZipStream(stream, CompressionLevel.SmallestSize, leaveOpen: true);
        using var writer = new BinaryWriter(gzip, Encoding.UTF8);
        writer.Write(Magic);
        writer.Write(Version);
        writer.Write(Groups.Count);
        foreach (var group in Groups)
        {
            writer.Write(group.Script.ToString());
            writer.Write(group.Languages.Length);
            foreach (var language in group.Languages)
            {
                writer.Write(language);
            }

            foreach (var floor in group.Floors)
            {
                writer.Write(floor);
            }

            var keys = group.Keys;
            writer.Write(keys.Length);
            ulong last = 0;
            foreach (var key in keys)
            {
                writer.Write7BitEncodedInt64((long)(key - last));
                last = key;
            }

            var starts = group.Starts;
            for (var i = 0; i < keys.Length; i++)
            {
                writer.Write(checked((byte)(starts[i + 1] - starts[i])));
            }

            writer.Write(group.LanguageOf);
            writer.Write(group.Weights);
        }
    }

    private static LanguageModel LoadShipped()
    {
        using var stream = typeof(LanguageModel).Assembly.GetManifestResourceStream(ResourceName)
            ?? throw new InvalidOperationException($"the language model resource {ResourceName} is missing from the assembly");
        return Load(stream);
    }
}
