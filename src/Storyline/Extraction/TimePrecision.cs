namespace Storyline.Extraction;

/// <summary>How much of a publication time the source gave.</summary>
public enum TimePrecision
{
    /// <summary>A calendar date only.</summary>
    Date,

    /// <summary>A date and a time of day.</summary>
    Time,
}
