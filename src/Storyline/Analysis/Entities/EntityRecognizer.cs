using Storyline.Analysis.Text;

namespace Storyline.Analysis.Entities;

/// <summary>
/// Finds people, organisations and places in text: a perceptron tagger (trained on WikiANN, see
/// <c>models/</c>) per sentence, then news rules — job titles before a name are not part of it but mark an
/// untagged capitalised name after them as a person ("spokesperson Dmitry Peskov"); institutions named
/// by their seat are organisations ("the Kremlin"); a name found once is found again elsewhere in the
/// text; and a person's shorter mentions are linked to the fullest one ("Novikov" → "Dmitry Novikov").
/// The model is loaded once; the recogniser is immutable and thread-safe.
/// </summary>
public sealed class EntityRecognizer
{
    /// <summary>The resource name of the shipped model.</summary>
    public const string ResourceName = "Storyline.Models.entities-wikiann-en.bin";

    private static readonly Lazy<EntityRecognizer> Shipped = new(() => new EntityRecognizer(LoadShipped()), LazyThreadSafetyMode.ExecutionAndPublication);

    [ThreadStatic]
    private static NerModel.Scratch? _scratch;

    internal EntityRecognizer(NerModel model, bool onlyNearCapitals = true)
    {
        Model = model;
        OnlyNearCapitals = onlyNearCapitals;
    }

    /// <summary>
    /// Whether tokens far from any capital letter are tagged O unscored (see <see cref="NerModel.Predict"/>); capitals
    /// the news rules never make a name of (<see cref="NewsRules.QuietCapitals"/>) do not count.
    /// </summary>
    internal bool OnlyNearCapitals { get; }

    /// <summary>The recogniser with the shipped model (loaded on first use).</summary>
    public static EntityRecognizer Default => Shipped.Value;

    internal NerModel Model { get; }

    /// <summary>Loads a model file written by the trainer.</summary>
    public static EntityRecognizer Load(Stream stream) => new(NerModel.Load(stream));

    /// <summary>The entity mentions of <paramref name="text"/>, in text order, with offsets into it.</summary>
    public IReadOnlyList<EntityMention> Recognize(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var (tokens, sentences) = SentenceSplitter.Split(text);
        return Recognize(text, tokens, sentences);
    }

    /// <summary>The entity mentions of already tokenised and split text.</summary>
    public IReadOnlyList<EntityMention> Recognize(string text, Token[] tokens, Sentence[] sentences)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(tokens);
        ArgumentNullException.ThrowIfNull(sentences);
        return NewsRules.Apply(text, tokens, sentences, Tag(text, tokens, sentences), Model.Gazetteer);
    }

    /// <summary>The tagger's names (token ranges and types), before the news rules.</summary>
    internal List<(int First, int End, EntityType Type)> Tag(string text, Token[] tokens, Sentence[] sentences)
    {
        var scratch = _scratch ??= new NerModel.Scratch();
        var spans = scratch.ArticleSpans(tokens.Length);
        var tags = scratch.ArticleTags(tokens.Length);
        for (var i = 0; i < tokens.Length; i++)
        {
            spans[i] = (tokens[i].Start, tokens[i].Length);
        }

        foreach (var sentence in sentences)
        {
            Model.Predict(text, spans.Slice(sentence.FirstToken, sentence.TokenCount), tags.Slice(sentence.FirstToken, sentence.TokenCount), scratch, OnlyNearCapitals, NewsRules.QuietCapitals);
        }

        var found = new List<(int First, int End, EntityType Type)>();
        foreach (var sentence in sentences)
        {
            Collect(tags, sentence.FirstToken, sentence.EndToken, found);
        }

        return found;
    }

    /// <summary>Tags CoNLL-style tokens (one sentence) with IOB2 labels.</summary>
    public string[] TagTokens(IReadOnlyList<string> words)
    {
        ArgumentNullException.ThrowIfNull(words);
        var sentence = new ConllSentence([], [.. words], []);
        var (text, spans) = sentence.Joined();
        var tags = new int[spans.Length];
        Model.Predict(text, spans, tags, _scratch ??= new NerModel.Scratch());
        return [.. tags.Select(t => Model.Tags[t])];
    }

    private void Collect(ReadOnlySpan<int> tags, int first, int end, List<(int, int, EntityType)> into)
    {
        var start = -1;
        var type = -1;
        for (var i = first; i <= end; i++)
        {
            var tag = i < end ? tags[i] : 0;
            var tagType = Model.TagTypes[tag];
            var begins = tagType >= 0 && (Model.TagBegins[tag] || tagType != type);
            if (type >= 0 && (tagType < 0 || begins))
            {
                into.Add((start, i, (EntityType)type));
                type = -1;
            }

            if (begins)
            {
                start = i;
                type = tagType;
            }
        }
    }

    private static NerModel LoadShipped()
    {
        using var stream = typeof(EntityRecognizer).Assembly.GetManifestResourceStream(ResourceName)
            ?? throw new InvalidOperationException($"the entity model resource {ResourceName} is missing from the assembly");
        return NerModel.Load(stream);
    }
}
