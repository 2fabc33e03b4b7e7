using Storyline.Analysis.Text;

namespace Storyline.Analysis;

/// <summary>English function words, which carry no topic and are left out of term vectors.</summary>
internal static class Stopwords
{
    private static readonly HashSet<string> English = new(StringComparer.Ordinal)
    {
        "a", "about", "above", "after", "again", "against", "all", "also", "am", "an", "and", "any", "are", "as", "at",
        "be", "because", "been", "before", "being", "below", "between", "both", "but", "by", "can", "could", "did", "do",
        "does", "doing", "down", "during", "each", "even", "few", "for", "from", "further", "had", "has", "have", "having",
        "he", "her", "here", "hers", "herself", "him", "himself", "his", "how", "however", "i", "if", "in", "into", "is",
        "it", "its", "itself", "just", "last", "like", "many", "may", "me", "might", "more", "most", "much", "must", "my",
        "myself", "new", "no", "nor", "not", "now", "of", "off", "on", "once", "one", "only", "or", "other", "our", "ours",
        "ourselves", "out", "over", "own", "said", "same", "say", "says", "she", "should", "since", "so", "some", "still",
        "such", "than", "that", "the", "their", "theirs", "them", "themselves", "then", "there", "these", "they", "this",
        "those", "through", "to", "too", "two", "under", "until", "up", "us", "very", "was", "we", "were", "what", "when",
        "where", "whether", "which", "while", "who", "whom", "why", "will", "with", "would", "year", "years", "yet", "you",
        "your", "yours", "yourself", "told", "according", "week", "day", "time", "get", "got", "make", "made", "well",
        "don", "didn", "doesn", "isn", "wasn", "won", "ll", "ve", "re",
    };

    private static readonly WordSet Lookup = new(English);

    public static bool Contains(ReadOnlySpan<char> lowerCaseWord) => Lookup.Contains(lowerCaseWord);
}
