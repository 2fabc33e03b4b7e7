namespace Storyline.Reading;

/// <summary>How the content of a <see cref="RawDocument"/> is encoded.</summary>
public enum DocumentFormat
{
    /// <summary>Plain text: paragraphs separated by blank lines.</summary>
    PlainText,

    /// <summary>An HTML page, already decoded to a string.</summary>
    Html,
}
