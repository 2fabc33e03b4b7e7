namespace Storyline.Extraction;

/// <summary>The writing systems the extraction stage tells apart (for language identification and for spotting lines in another script).</summary>
internal enum WritingScript
{
    None,
    Latin,
    Cyrillic,
    Greek,
    Arabic,
    Hebrew,
    Devanagari,
    Bengali,
    Gurmukhi,
    Gujarati,
    Tamil,
    Telugu,
    Kannada,
    Malayalam,
    Thai,
    Georgian,
    Armenian,
    Hangul,
    Kana,
    Han,
    Ethiopic,
}

/// <summary>Which writing system a character belongs to; one table for the whole Extraction stage.</summary>
internal static class WritingScripts
{
    // Extraction asks for the script of every character of every page: one load from a 64 KB table
    // instead of a category lookup and a chain of range tests (built once, in about a millisecond).
    private static readonly byte[] Table = BuildTable();

    /// <summary>How many <see cref="WritingScript"/> values there are: the length of a per-script tally.</summary>
    public static readonly int Count = Enum.GetValues<WritingScript>().Length;

    /// <summary>The script of a letter or combining mark; <see cref="WritingScript.None"/> for anything else.</summary>
    public static WritingScript Of(char c) => (WritingScript)Table[c];

    private static byte[] BuildTable()
    {
        var table = new byte[char.MaxValue + 1];
        for (var c = 0; c <= char.MaxValue; c++)
        {
            table[c] = (byte)Compute((char)c);
        }

        return table;
    }

    private static WritingScript Compute(char c) => c switch
    {
        _ when !char.IsLetter(c) && char.GetUnicodeCategory(c) is not (System.Globalization.UnicodeCategory.NonSpacingMark or System.Globalization.UnicodeCategory.SpacingCombiningMark) => WritingScript.None,
        <= '\u024F' => WritingScript.Latin,
        >= '\u1E00' and <= '\u1EFF' => WritingScript.Latin,
        >= '\u0370' and <= '\u03FF' => WritingScript.Greek,
        >= '\u1F00' and <= '\u1FFF' => WritingScript.Greek,
        >= '\u0400' and <= '\u052F' => WritingScript.Cyrillic,
        >= '\u0530' and <= '\u058F' => WritingScript.Armenian,
        >= '\u0590' and <= '\u05FF' => WritingScript.Hebrew,
        >= '\u0600' and <= '\u06FF' or >= '\u0750' and <= '\u077F' or >= '\uFB50' and <= '\uFEFF' => WritingScript.Arabic,
        >= '\u0900' and <= '\u097F' => WritingScript.Devanagari,
        >= '\u0980' and <= '\u09FF' => WritingScript.Bengali,
        >= '\u0A00' and <= '\u0A7F' => WritingScript.Gurmukhi,
        >= '\u0A80' and <= '\u0AFF' => WritingScript.Gujarati,
        >= '\u0B80' and <= '\u0BFF' => WritingScript.Tamil,
        >= '\u0C00' and <= '\u0C7F' => WritingScript.Telugu,
        >= '\u0C80' and <= '\u0CFF' => WritingScript.Kannada,
        >= '\u0D00' and <= '\u0D7F' => WritingScript.Malayalam,
        >= '\u0E00' and <= '\u0E7F' => WritingScript.Thai,
        >= '\u10A0' and <= '\u10FF' => WritingScript.Georgian,
        >= '\u1200' and <= '\u137F' => WritingScript.Ethiopic,
        >= '\u1100' and <= '\u11FF' or >= '\uAC00' and <= '\uD7AF' or >= '\u3130' and <= '\u318F' => WritingScript.Hangul,
        >= '\u3040' and <= '\u30FF' => WritingScript.Kana,
        >= '\u4E00' and <= '\u9FFF' or >= '\u3400' and <= '\u4DBF' => WritingScript.Han,
        _ => WritingScript.None,
    };

    /// <summary>Scripts written together count as one: Japanese mixes Kana and Han.</summary>
    public static WritingScript Family(WritingScript script) => script == WritingScript.Kana ? WritingScript.Han : script;
}
