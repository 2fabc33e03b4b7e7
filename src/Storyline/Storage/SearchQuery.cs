using System.Globalization;
using System.Text;

namespace Storyline.Storage;

/// <summary>
/// Translates a search as people type it into an FTS5 query. Every word is quoted, so that everyday searches
/// (<c>covid-19</c>, <c>U.S.</c>, <c>Trump's</c>, <c>9/11</c>, <c>C++</c>, <c>#metoo</c>, a URL) match the
/// words they contain instead of failing as FTS5 syntax; the syntax worth having stays: <c>"a phrase"</c>,
/// <c>AND</c>/<c>OR</c>/<c>NOT</c> between terms, <c>prefix*</c>, <c>title:word</c> (or <c>text:</c>) and balanced
/// parentheses. An operator or parenthesis out of place is taken as a word or dropped, never an error. Long
/// queries are refused: FTS5's time grows with the terms (20,000 words took over two minutes).
/// </summary>
internal static class SearchQuery
{
    /// <summary>Characters a query may have.</summary>
    public const int MaxLength = 1_000;

    /// <summary>Words a query may have (a phrase's words counted one by one).</summary>
    public const int MaxTerms = 64;

    private static readonly string[] Columns = ["title", "text"];

    /// <summary>The FTS5 form of <paramref name="query"/>.</summary>
    /// <exception cref="StoreException">The query is too long or has no word to search for.</exception>
    public static string ToFts(string query)
    {
        ArgumentNullException.ThrowIfNull(query);
        if (query.Length > MaxLength)
        {
            throw new StoreException(string.Create(CultureInfo.InvariantCulture, $"search query too long: {query.Length:N0} characters (at most {MaxLength:N0})"));
        }

        var tokens = Arrange(Tokenise(query));
        var terms = tokens.Sum(t => t.Kind == Kind.Term ? Words(t.Text) : 0);
        if (terms > MaxTerms)
        {
            throw new StoreException(string.Create(CultureInfo.InvariantCulture, $"search query too long: {terms:N0} words (at most {MaxTerms})"));
        }

        if (terms == 0)
        {
            throw new StoreException($"search query '{query}' has no word to search for");
        }

        return Write(tokens);
    }

    private enum Kind
    {
        Term,
        Operator,
        Open,
        Close,
    }

    /// <summary>A term (word or phrase, with its column and prefix mark), an operator or a parenthesis.</summary>
    private sealed record Token(Kind Kind, string Text, string? Column = null, bool Prefix = false);

    private static List<Token> Tokenise(string query)
    {
        var tokens = new List<Token>();
        string? column = null;
        var i = 0;
        while (i < query.Length)
        {
            var c = query[i];
            if (char.IsWhiteSpace(c))
            {
                column = null;
                i++;
            }
            else if (c is '(' or ')')
            {
                tokens.Add(new Token(c == '(' ? Kind.Open : Kind.Close, c.ToString()));
                column = null;
                i++;
            }
            else if (c == '"')
            {
                var end = query.IndexOf('"', i + 1);
                end = end < 0 ? query.Length : end;
                var prefix = end + 1 < query.Length && query[end + 1] == '*';
                AddTerm(tokens, query[(i + 1)..end], column, prefix);
                column = null;
                i = end + (prefix ? 2 : 1);
            }
            else
            {
                var end = i;
                while (end < query.Length && !char.IsWhiteSpace(query[end]) && query[end] is not ('(' or ')' or '"'))
                {
                    end++;
                }

                column = Word(tokens, query[i..end], column);
                i = end;
            }
        }

        return tokens;
    }

    /// <summary>Adds a bare word (an operator, a prefix, a <c>column:</c> filter); returns the column a following phrase takes.</summary>
    private static string? Word(List<Token> tokens, string word, string? column)
    {
        if (word is "AND" or "OR" or "NOT" && column is null)
        {
            tokens.Add(new Token(Kind.Operator, word));
            return null;
        }

        var colon = word.IndexOf(':', StringComparison.Ordinal);
        if (colon > 0 && column is null && Columns.Contains(word[..colon], StringComparer.OrdinalIgnoreCase))
        {
            column = word[..colon].ToLowerInvariant();
            word = word[(colon + 1)..];
            if (word.Length == 0)
            {
                return column; // title:"a phrase"
            }
        }

        var prefix = word.Length > 1 && word[^1] == '*';
        AddTerm(tokens, prefix ? word[..^1] : word, column, prefix);
        return null;
    }

    /// <summary>A term with no letter or digit would be an empty phrase, which matches nothing: it is left out.</summary>
    private static void AddTerm(List<Token> tokens, string text, string? column, bool prefix)
    {
        if (Words(text) > 0)
        {
            tokens.Add(new Token(Kind.Term, text, column, prefix));
        }
    }

    /// <summary>
    /// Keeps operators only between two operands (else they are searched as words) and parentheses only when they
    /// balance and enclose something (else they are dropped).
    /// </summary>
    private static List<Token> Arrange(List<Token> tokens)
    {
        if (!Balanced(tokens))
        {
            tokens = tokens.Where(t => t.Kind is not (Kind.Open or Kind.Close)).ToList();
        }

        var arranged = new List<Token>(tokens.Count);
        for (var i = 0; i < tokens.Count; i++)
        {
            var token = tokens[i];
            if (token.Kind == Kind.Operator)
            {
                var after = i + 1 < tokens.Count ? tokens[i + 1].Kind : (Kind?)null;
                var before = arranged.Count > 0 ? arranged[^1].Kind : (Kind?)null;
                if (before is not (Kind.Term or Kind.Close) || after is not (Kind.Term or Kind.Open))
                {
                    token = new Token(Kind.Term, token.Text);
                }
            }

            arranged.Add(token);
        }

        return arranged;
    }

    private static bool Balanced(List<Token> tokens)
    {
        var depth = 0;
        for (var i = 0; i < tokens.Count; i++)
        {
            depth += tokens[i].Kind switch { Kind.Open => 1, Kind.Close => -1, _ => 0 };
            if (depth < 0 || (tokens[i].Kind == Kind.Close && tokens[i - 1].Kind == Kind.Open))
            {
                return false;
            }
        }

        return depth == 0;
    }

    private static string Write(List<Token> tokens)
    {
        var fts = new StringBuilder();
        foreach (var token in tokens)
        {
            if (fts.Length > 0)
            {
                fts.Append(' ');
            }

            if (token.Kind != Kind.Term)
            {
                fts.Append(token.Text);
                continue;
            }

            if (token.Column is not null)
            {
                fts.Append(token.Column).Append(" : ");
            }

            fts.Append('"').Append(token.Text.Replace("\"", "\"\"", StringComparison.Ordinal)).Append('"');
            if (token.Prefix)
            {
                fts.Append('*');
            }
        }

        return fts.ToString();
    }

    /// <summary>Runs of letters and digits: the words FTS5's tokenizer would find, near enough to count them.</summary>
    private static int Words(string text)
    {
        var words = 0;
        var inWord = false;
        foreach (var rune in text.EnumerateRunes())
        {
            var wordChar = Rune.IsLetterOrDigit(rune) || Rune.IsNumber(rune);
            words += wordChar && !inWord ? 1 : 0;
            inWord = wordChar;
        }

        return words;
    }
}
