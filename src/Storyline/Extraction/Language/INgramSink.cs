namespace Storyline.Extraction.Language;

/// <summary>
/// Receives the character n-grams of a text from <see cref="CharacterNgrams.Read{TSink}"/>. A struct sink
/// lets the JIT specialise the reading loop, so no delegate call and no allocation an n-gram.
/// </summary>
internal interface INgramSink
{
    /// <summary>One n-gram: up to four UTF-16 units packed 16 bits each (newest lowest), and its length 1–4.</summary>
    void Add(ulong key, int order);
}
