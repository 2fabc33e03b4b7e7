namespace Storyline.Analysis.Entities;

/// <summary>A CoNLL sentence: the lines as read, the token (first column) and the last column of each.</summary>
internal sealed record ConllSentence(string[] Lines, string[] Words, string[] LastColumns)
{
    /// <summary>The words joined by single spaces, and each word's span in it.</summary>
    public (string Text, (int Start, int Length)[] Spans) Joined()
    {
        var spans = new (int, int)[Words.Length];
        var position = 0;
        for (var i = 0; i < Words.Length; i++)
        {
            spans[i] = (position, Words[i].Length);
            position += Words[i].Length + 1;
        }

        return (string.Join(' ', Words), spans);
    }
}

/// <summary>Reads CoNLL-style files: one token a line (columns separated by tabs or spaces), blank lines between sentences.</summary>
internal static class Conll
{
    public static IEnumerable<ConllSentence> Read(TextReader reader)
    {
        var lines = new List<string>();
        string? line;
        while ((line = reader.ReadLine()) is not null)
        {
            if (line.Length == 0 || string.IsNullOrWhiteSpace(line))
            {
                if (lines.Count > 0)
                {
                    yield return Make(lines);
                    lines.Clear();
                }

                continue;
            }

            lines.Add(line);
        }

        if (lines.Count > 0)
        {
            yield return Make(lines);
        }
    }

    public static List<ConllSentence> ReadFile(string path)
    {
        using var reader = new StreamReader(path);
        return [.. Read(reader)];
    }

    private static ConllSentence Make(List<string> lines)
    {
        var words = new string[lines.Count];
        var last = new string[lines.Count];
        for (var i = 0; i < lines.Count; i++)
        {
            var columns = lines[i].Split(lines[i].Contains('\t') ? '\t' : ' ');
            words[i] = columns[0];
            last[i] = columns.Length > 1 ? columns[^1] : "O";
        }

        return new ConllSentence([.. lines], words, last);
    }
}

/// <summary>Entity-level exact-match scoring as conlleval: a predicted entity counts when type and both boundaries match.</summary>
internal sealed class EntityScorer
{
    private readonly Dictionary<string, (int Tp, int Fp, int Fn)> _byType = new(StringComparer.Ordinal);

    /// <summary>Adds one sentence's gold and predicted IOB2 tags.</summary>
    public void Add(IReadOnlyList<string> gold, IReadOnlyList<string> predicted)
    {
        var g = Chunks(gold);
        var p = Chunks(predicted);
        foreach (var chunk in p)
        {
            var counts = _byType.GetValueOrDefault(chunk.Type);
            _byType[chunk.Type] = g.Contains(chunk) ? counts with { Tp = counts.Tp + 1 } : counts with { Fp = counts.Fp + 1 };
        }

        foreach (var chunk in g)
        {
            if (!p.Contains(chunk))
            {
                var counts = _byType.GetValueOrDefault(chunk.Type);
                _byType[chunk.Type] = counts with { Fn = counts.Fn + 1 };
            }
        }
    }

    public IEnumerable<(string Type, double Precision, double Recall, double F1, int Gold)> PerType() =>
        _byType.OrderBy(p => p.Key, StringComparer.Ordinal).Select(p => (p.Key, P(p.Value), R(p.Value), F(p.Value), p.Value.Tp + p.Value.Fn));

    public (double Precision, double Recall, double F1) Overall()
    {
        var total = _byType.Values.Aggregate((0, 0, 0), (a, v) => (a.Item1 + v.Tp, a.Item2 + v.Fp, a.Item3 + v.Fn));
        return (P(total), R(total), F(total));
    }

    /// <summary>The entities of an IOB2 (or IOB1-ish) sequence, with conlleval's rules for where chunks start and end.</summary>
    public static HashSet<(int Start, int End, string Type)> Chunks(IReadOnlyList<string> tags)
    {
        var chunks = new HashSet<(int, int, string)>();
        var start = -1;
        string? type = null;
        for (var i = 0; i <= tags.Count; i++)
        {
            var tag = i < tags.Count ? tags[i] : "O";
            var prefix = tag.Length >= 2 && tag[1] == '-' ? tag[0] : 'O';
            var tagType = prefix == 'O' ? null : tag[2..];
            var begins = prefix == 'B' || (prefix == 'I' && tagType != type);
            if (type is not null && (prefix == 'O' || begins))
            {
                chunks.Add((start, i, type));
                type = null;
            }

            if (begins)
            {
                start = i;
                type = tagType;
            }
        }

        return chunks;
    }

    private static double P((int Tp, int Fp, int Fn) c) => c.Tp + c.Fp == 0 ? 0 : (double)c.Tp / (c.Tp + c.Fp);

    private static double R((int Tp, int Fp, int Fn) c) => c.Tp + c.Fn == 0 ? 0 : (double)c.Tp / (c.Tp + c.Fn);

    private static double F((int Tp, int Fp, int Fn) c)
    {
        var p = P(c);
        var r = R(c);
        return p + r == 0 ? 0 : 2 * p * r / (p + r);
    }
}
