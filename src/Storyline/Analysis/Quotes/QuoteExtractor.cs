using Storyline.Analysis.Entities;
using Storyline.Analysis.Text;

namespace Storyline.Analysis.Quotes;

/// <summary>
/// Finds who said what: direct quotes (in straight or curly marks, with a missing opening mark at a
/// paragraph start, continued across paragraphs, or partial inside a sentence) and indirect speech ("X said
/// (that) …", "according to X, …"), each with its cue, the speaker mention next to the cue (a name, a
/// pronoun, "the lawmaker") and the speaker resolved to a name (pronouns and descriptions to the most recent
/// person named before them). Rules over the tokenizer, the sentence splitter and the entity recogniser propose
/// candidates; a logistic-regression classifier learned on PolNeAR train keeps the likely ones (see
/// <see cref="QuoteClassifier"/>); cue words are the frequent ones of the PolNeAR training annotations (see
/// <see cref="QuoteLexicon"/>).
/// As in PolNeAR, attributions include stances without a speech verb ("Trump is defending his tweets") unless
/// <see cref="IncludeStances"/> is off. Immutable and thread-safe.
/// </summary>
public sealed class QuoteExtractor
{
    private static readonly Lazy<QuoteExtractor> Shipped = new(() => new QuoteExtractor(EntityRecognizer.Default), LazyThreadSafetyMode.ExecutionAndPublication);

    private readonly EntityRecognizer _recognizer;

    /// <summary>Creates an extractor over the given entity recogniser.</summary>
    /// <param name="recognizer">Finds the names speakers resolve to.</param>
    /// <param name="includeStances">Whether a named subject followed by any inflected verb, in a sentence with no cue, is an attribution.</param>
    public QuoteExtractor(EntityRecognizer recognizer, bool includeStances = true)
    {
        ArgumentNullException.ThrowIfNull(recognizer);
        _recognizer = recognizer;
        IncludeStances = includeStances;
    }

    /// <summary>Whether stances without a speech verb are attributions (as PolNeAR annotates them).</summary>
    public bool IncludeStances { get; }

    /// <summary>The extractor with the shipped entity model.</summary>
    public static QuoteExtractor Default => Shipped.Value;

    /// <summary>The quotes of <paramref name="text"/>, in text order, with offsets into it.</summary>
    public IReadOnlyList<Quote> Extract(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var (tokens, sentences) = SentenceSplitter.Split(text);
        var mentions = _recognizer.Recognize(text, tokens, sentences);
        return new QuoteDocument(text, tokens, sentences, mentions, IncludeStances).Run();
    }

    /// <summary>The quotes of already tokenised, split and recognised text.</summary>
    public static IReadOnlyList<Quote> Extract(string text, Token[] tokens, Sentence[] sentences, IReadOnlyList<EntityMention> mentions, bool includeStances = true)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(tokens);
        ArgumentNullException.ThrowIfNull(sentences);
        ArgumentNullException.ThrowIfNull(mentions);
        return new QuoteDocument(text, tokens, sentences, mentions, includeStances).Run();
    }
}
