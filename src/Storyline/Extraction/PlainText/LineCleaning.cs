namespace Storyline.Extraction.PlainText;

/// <summary>How <see cref="TextBoilerplate"/> decides which lines of a plain-text dump are chrome.</summary>
internal enum LineCleaning
{
    /// <summary>Hand-written rules only (the behaviour before the line classifier; kept as the bench's baseline).</summary>
    Rules,

    /// <summary>The learned line classifier; the rules still take out feed footers (the origin) and date stamps.</summary>
    Classifier,

    /// <summary>Chrome when either the classifier or a rule says so.</summary>
    Combined,
}
