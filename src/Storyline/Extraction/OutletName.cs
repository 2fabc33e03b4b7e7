namespace Storyline.Extraction;

/// <summary>
/// Outlet names as feeds and corpora give them, cleaned of escaping: some publish "Law360 \(subscription\)" or
/// "Yahoo\!7 News" (a tenth of the UCI News Aggregator's items), meaning "Law360 (subscription)". A backslash
/// before ASCII punctuation other than a backslash is dropped; nothing else changes, so that stored names can be
/// cleaned the same way by a schema migration (<see cref="SqlExpression"/>).
/// </summary>
public static class OutletName
{
    // ASCII punctuation but the backslash itself: "\\(" stays "\(" here and in the SQL replace chain alike.
    private const string Escapable = "!\"#$%&'()*+,-./:;<=>?@[]^_`{|}~";

    /// <summary>The name trimmed and unescaped; null for null or blank.</summary>
    public static string? Clean(string? name)
    {
        if (string.IsNullOrWhiteSpace(name))
        {
            return null;
        }

        var trimmed = name.Trim();
        if (!trimmed.Contains('\\', StringComparison.Ordinal))
        {
            return trimmed;
        }

        var buffer = new char[trimmed.Length];
        var length = 0;
        for (var i = 0; i < trimmed.Length; i++)
        {
            if (trimmed[i] == '\\' && i + 1 < trimmed.Length && Escapable.Contains(trimmed[i + 1], StringComparison.Ordinal))
            {
                continue;
            }

            buffer[length++] = trimmed[i];
        }

        return new string(buffer, 0, length);
    }

    /// <summary>An SQLite expression that cleans the name in <paramref name="column"/> exactly as <see cref="Clean"/> unescapes it.</summary>
    public static string SqlExpression(string column)
    {
        ArgumentException.ThrowIfNullOrEmpty(column);
        var expression = column;
        foreach (var c in Escapable)
        {
            var literal = c == '\'' ? "''" : c.ToString();
            expression = $"replace({expression}, '\\{literal}', '{literal}')";
        }

        return expression;
    }
}
