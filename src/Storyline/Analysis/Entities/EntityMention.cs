namespace Storyline.Analysis.Entities;

/// <summary>The kind of a named entity.</summary>
public enum EntityType
{
    /// <summary>A person (PER).</summary>
    Person,

    /// <summary>An organisation (ORG): companies, agencies, parties, governments, outlets.</summary>
    Organization,

    /// <summary>A place (LOC): countries, cities, regions, geographic features.</summary>
    Location,

    /// <summary>Other names (MISC).</summary>
    Misc,
}

/// <summary>A mention of a named entity in a text.</summary>
/// <param name="Type">What it names.</param>
/// <param name="Start">Offset of its first character in the text.</param>
/// <param name="End">Offset just past its last character.</param>
/// <param name="Text">The mention as written.</param>
/// <param name="Canonical">The entity it refers to: the fullest name of it in the text ("Novikov" → "Dmitry Novikov").</param>
public sealed record EntityMention(EntityType Type, int Start, int End, string Text, string Canonical)
{
    /// <summary>The CoNLL label of the type: PER, ORG, LOC or MISC.</summary>
    public string Label => Labels.Of(Type);
}

/// <summary>Conversions between <see cref="EntityType"/> and CoNLL labels.</summary>
public static class Labels
{
    /// <summary>PER, ORG, LOC or MISC.</summary>
    public static string Of(EntityType type) => type switch
    {
        EntityType.Person => "PER",
        EntityType.Organization => "ORG",
        EntityType.Location => "LOC",
        _ => "MISC",
    };

    /// <summary>The type of a CoNLL label (PER, ORG, LOC, MISC), or null.</summary>
    public static EntityType? Parse(ReadOnlySpan<char> label) => label switch
    {
        "PER" => EntityType.Person,
        "ORG" => EntityType.Organization,
        "LOC" => EntityType.Location,
        "MISC" => EntityType.Misc,
        _ => null,
    };
}
