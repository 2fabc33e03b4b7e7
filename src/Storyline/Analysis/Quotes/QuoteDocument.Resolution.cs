using Storyline.Analysis.Entities;
using Storyline.Analysis.Text;

namespace Storyline.Analysis.Quotes;

/// <summary>
/// Speaker resolution, coreference for speakers (issue 23): a name mention resolves to its entity; a description ("the
/// lawmaker", "the Kremlin spokesperson") to the person the article introduced with that role ("Russian lawmaker Dmitry
/// Novikov", "Steve Bannon, former White House strategist"); he/she by salience (the subject of the sentence, the previous
/// attribution's speaker, the last person named); a place, a date or a fragment of the sentence is never a speaker's name.
/// </summary>
internal sealed partial class QuoteDocument
{
    /// <summary>Tokens after a name that an apposition may span ("Steve Bannon, former White House strategist and …,").</summary>
    private const int MaxApposition = 16;

    /// <summary>Role words before a name ("Russian lawmaker Dmitry Novikov", "Kremlin spokesperson Dmitry Peskov").</summary>
    private const int MaxTitleWords = 4;

    /// <summary>Role word (lower case) → the person mentions introduced with it, in text order; built on first need.</summary>
    private Dictionary<string, List<int>>? _roles;

    /// <summary>Resolved names of speaker mentions already resolved, by their first token (pronoun chains reuse them).</summary>
    private Dictionary<int, string?>? _resolved;

    /// <summary>Person name → 'm' or 'f' where the text titles it ("Mr.", "Ms."); built on first need.</summary>
    private Dictionary<string, char>? _genders;

    /// <summary>The speaker's name for the mention <paramref name="first"/>..<paramref name="last"/>, or null when it names no person or organisation.</summary>
    private string? Resolve(int first, int last)
    {
        _resolved ??= [];
        if (_resolved.TryGetValue(first, out var known))
        {
            return known;
        }

        _resolved[first] = null; // a cycle through the previous speaker ends unresolved
        var name = ResolveUncached(first, last);
        _resolved[first] = name;
        return name;
    }

    private string? ResolveUncached(int first, int last)
    {
        if (first == last && (Is(first, "who") || Is(first, "which")))
        {
            return RelativeAntecedent(first);
        }

        if (first == last && IsPronoun(first))
        {
            return Is(first, "he") || Is(first, "she") ? ResolvePronoun(first) : null;
        }

        // The person the phrase is about heads it, after titles at most ("Kremlin spokesperson Dmitry Peskov"); a name
        // deeper in is not who spoke ("The discussion surrounding Elon Musk …", "The post … clash with Trump").
        var reach = last - first > MaxTitleWords + 2 ? first + MaxTitleWords : last;
        if (PersonIn(first, reach) is { } person && OnlyTitlesBefore(first, person))
        {
            return _mentions[person].Canonical;
        }

        var head = last;
        if (head > first && (Is(head, "himself") || Is(head, "herself")))
        {
            head--;
        }

        var text = _text[_tokens[first].Start.._tokens[last].End];
        if (head > first && _tokens[head].Kind == TokenKind.Word && _mentionOf[head] < 0 && !char.IsUpper(_text[_tokens[head].Start])
            && (DeterminerWords.Contains(Word(first)) || PersonNounWords.Contains(Word(head))))
        {
            // A description: "the lawmaker", "a senior Russian lawmaker", "Kremlin spokesperson".
            return ResolveDescription(first, head) ?? (DeterminerWords.Contains(Word(first)) && last - first <= MaxTitleWords + 2 ? text : null);
        }

        for (var i = first; i <= reach; i++)
        {
            if (_mentionOf[i] >= 0 && _mentions[_mentionOf[i]].Type == EntityType.Organization)
            {
                return _mentions[_mentionOf[i]].Canonical;
            }
        }

        // A place, a date, a nationality or a fragment of the sentence is not who spoke.
        return last - first < MaxTitleWords && LooksLikeName(first, last) && !HasMention(first, last) ? text : null;
    }

    /// <summary>Whether the words from <paramref name="first"/> to mention <paramref name="person"/> are titles: names, capitalised words, person nouns, "former", "senior" …</summary>
    private bool OnlyTitlesBefore(int first, int person)
    {
        for (var i = first; i < _tokens.Length && _mentionOf[i] != person; i++)
        {
            var word = Word(i);
            var title = _mentionOf[i] >= 0 || (i == first && DeterminerWords.Contains(word)) || (_tokens[i].Kind == TokenKind.Word && char.IsUpper(word[0]))
                || PersonNounWords.Contains(word) || TitleModifierWords.Contains(word) || IsPunct(i, ",") || _tokens[i].Has(TokenTraits.Abbreviation);
            if (!title)
            {
                return false;
            }
        }

        return true;
    }

    private bool HasMention(int first, int last)
    {
        for (var i = first; i <= last; i++)
        {
            if (_mentionOf[i] >= 0)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>"…, who said": the nearest person or organisation named before it in its sentence.</summary>
    private string? RelativeAntecedent(int token)
    {
        var start = _tokens[token].Start;
        var sentenceStart = _sentences[_sentenceOf[token]].Start;
        for (var m = _mentions.Count - 1; m >= 0; m--)
        {
            if (_mentions[m].End <= start && _mentions[m].Start >= sentenceStart && _mentions[m].Type != EntityType.Location)
            {
                return _mentions[m].Canonical;
            }
        }

        return null;
    }

    /// <summary>A capitalised phrase that is not an entity: a name only when every word is capitalised and none is a function word.</summary>
    private bool LooksLikeName(int first, int last)
    {
        for (var i = first; i <= last; i++)
        {
            if (_tokens[i].Kind != TokenKind.Word)
            {
                return false;
            }

            var word = Word(i);
            if (!char.IsUpper(word[0]) || NotNameWords.Contains(word) || FragmentOpenerWords.Contains(word) || DeterminerWords.Contains(word))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>
    /// "the lawmaker", "a senior Russian lawmaker": the person introduced with that role, nearest before (else first
    /// after); otherwise, for a definite person description, the salient person; for an indefinite one, the person the
    /// next sentence opens with ("A senior Russian lawmaker has floated … . Dmitry Novikov, …, made the remarks").
    /// </summary>
    private string? ResolveDescription(int first, int head)
    {
        var role = Word(head).ToString().ToLowerInvariant();
        if (RoleHolder(role, first) is { } holder)
        {
            return holder;
        }

        if (!PersonNounWords.Contains(Word(head)))
        {
            return null;
        }

        if (Is(first, "a") || Is(first, "an"))
        {
            var next = _sentenceOf[head] + 1;
            return next < _sentences.Length && MainSubject(next) is { } subject && PersonIn(subject.First, subject.Last) is { } person
                ? _mentions[person].Canonical
                : null;
        }

        return Is(first, "the") || Is(first, "this") || Is(first, "that") ? SalientPerson(first, excludeSentence: true) : null;
    }

    /// <summary>he/she: the subject of its sentence when the pronoun is not that subject, else the salient person before it; never a person titled as the other gender.</summary>
    private string? ResolvePronoun(int token)
    {
        var gender = Is(token, "he") ? 'm' : 'f';
        var sentence = _sentenceOf[token];
        if (MainSubject(sentence) is { } subject && subject.Last < token && PersonIn(subject.First, subject.Last) is { } person
            && Agrees(_mentions[person].Canonical, gender))
        {
            return _mentions[person].Canonical;
        }

        return SalientPerson(token, excludeSentence: false, gender);
    }

    /// <summary>Whether <paramref name="name"/> may be referred to by a pronoun of <paramref name="gender"/>: not when the text titles it as the other ("Mr.", "Ms.", "Mrs.").</summary>
    private bool Agrees(string name, char gender)
    {
        if (gender == '?')
        {
            return true;
        }

        _genders ??= CollectGenders();
        return !_genders.TryGetValue(name, out var known) || known == gender;
    }

    /// <summary>Genders the text states by title: "Mr. Trump" (m), "Ms. Clinton", "Mrs. Clinton" (f); a name titled both ways is left unknown.</summary>
    private Dictionary<string, char> CollectGenders()
    {
        var genders = new Dictionary<string, char>(StringComparer.Ordinal);
        for (var t = 1; t < _tokens.Length; t++)
        {
            if (_mentionOf[t] < 0 || _mentionOf[t - 1] == _mentionOf[t] || _mentions[_mentionOf[t]].Type != EntityType.Person)
            {
                continue;
            }

            var title = Word(t - 1);
            var gender = title.Equals("Mr", StringComparison.OrdinalIgnoreCase) || title.Equals("Mr.", StringComparison.OrdinalIgnoreCase) ? 'm'
                : title.Equals("Ms", StringComparison.OrdinalIgnoreCase) || title.Equals("Ms.", StringComparison.OrdinalIgnoreCase)
                    || title.Equals("Mrs", StringComparison.OrdinalIgnoreCase) || title.Equals("Mrs.", StringComparison.OrdinalIgnoreCase) ? 'f' : '?';
            if (gender == '?')
            {
                continue;
            }

            var name = _mentions[_mentionOf[t]].Canonical;
            genders[name] = genders.TryGetValue(name, out var known) && known != gender ? '?' : gender;
        }

        return genders;
    }

    /// <summary>
    /// The speaker of the attribution just before (within three sentences), resolved, else the last person named
    /// outside quotes; with <paramref name="excludeSentence"/>, not one named elsewhere in the same sentence (a
    /// description is not the person its own sentence names beside it).
    /// </summary>
    private string? SalientPerson(int token, bool excludeSentence, char gender = '?')
    {
        var sentence = _sentenceOf[token];
        Found? previous = null;
        foreach (var f in _found)
        {
            if (f.SpeakerFirst >= 0 && f.SpeakerLast < token && sentence - _sentenceOf[f.SpeakerLast] <= 3 && (previous is null || f.SpeakerLast > previous.SpeakerLast))
            {
                previous = f;
            }
        }

        if (previous is not null && !(excludeSentence && _sentenceOf[previous.SpeakerFirst] == sentence)
            && Resolve(previous.SpeakerFirst, previous.SpeakerLast) is { } name && IsPersonName(name) && Agrees(name, gender))
        {
            return name;
        }

        var offset = _tokens[token].Start;
        var sentenceStart = _sentences[sentence].Start;
        for (var m = _mentions.Count - 1; m >= 0; m--)
        {
            var mention = _mentions[m];
            if (mention.End > offset || mention.Type != EntityType.Person || (excludeSentence && mention.Start >= sentenceStart) || InQuote(mention.Start, token)
                || !Agrees(mention.Canonical, gender))
            {
                continue;
            }

            return mention.Canonical;
        }

        return null;
    }

    private bool InQuote(int start, int before)
    {
        for (var t = before - 1; t >= 0 && _tokens[t].Start >= start; t--)
        {
            if (_tokens[t].Start == start)
            {
                return _quoteOf[t] >= 0;
            }
        }

        return false;
    }

    private bool IsPersonName(string name)
    {
        foreach (var mention in _mentions)
        {
            if (mention.Type == EntityType.Person && mention.Canonical == name)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>The person mention inside tokens <paramref name="first"/>..<paramref name="last"/>, or null.</summary>
    private int? PersonIn(int first, int last)
    {
        for (var i = first; i <= last; i++)
        {
            if (_mentionOf[i] >= 0 && _mentions[_mentionOf[i]].Type == EntityType.Person)
            {
                return _mentionOf[i];
            }
        }

        return null;
    }

    /// <summary>The person introduced with <paramref name="role"/> nearest before <paramref name="token"/>, else the first after it.</summary>
    private string? RoleHolder(string role, int token)
    {
        _roles ??= CollectRoles();
        if (!_roles.TryGetValue(role, out var holders))
        {
            return null;
        }

        var offset = _tokens[token].Start;
        var best = -1;
        foreach (var m in holders)
        {
            if (_mentions[m].Start < offset || best < 0)
            {
                best = m;
            }
        }

        return best >= 0 ? _mentions[best].Canonical : null;
    }

    /// <summary>Every person mention's role words: the title words before it and its apposition after it.</summary>
    private Dictionary<string, List<int>> CollectRoles()
    {
        var roles = new Dictionary<string, List<int>>(StringComparer.Ordinal);
        for (var m = 0; m < _mentions.Count; m++)
        {
            if (_mentions[m].Type != EntityType.Person || MentionTokens(m) is not { } span)
            {
                continue;
            }

            var sentence = _sentences[_sentenceOf[span.First]];
            for (var j = span.First - 1; j >= sentence.FirstToken && span.First - j <= MaxTitleWords && IsRoleWord(j); j--)
            {
                AddRole(roles, j, m);
            }

            var k = span.Last + 1;
            if (k < sentence.EndToken && IsPunct(k, ","))
            {
                // An apposition ends at a comma or the sentence end; one with a cue word in it is a clause ("Musk, the president said").
                var end = k + 1;
                while (end < sentence.EndToken && end - k <= MaxApposition && !IsPunct(end, ",", ".", ";", ":", "(") && _quoteOf[end] < 0
                    && !(_tokens[end].Kind == TokenKind.Word && CueWords.Contains(Word(end)) && !Is(end, "who") && !Is(end, "is") && !Is(end, "was")))
                {
                    end++;
                }

                var closed = end >= sentence.EndToken || IsPunct(end, ",", ".", ";", ":", "(");
                for (var j = k + 1; closed && j < end; j++)
                {
                    if (_tokens[j].Kind == TokenKind.Word && _mentionOf[j] < 0)
                    {
                        AddRole(roles, j, m);
                    }
                }
            }
        }

        return roles;
    }

    private bool IsRoleWord(int j) =>
        _tokens[j].Kind == TokenKind.Word && _mentionOf[j] < 0 && _quoteOf[j] < 0 && !DeterminerWords.Contains(Word(j)) && !CueWords.Contains(Word(j))
        && !NpStopWords.Contains(Word(j)) && !PrepositionWords.Contains(Word(j)) && !FragmentOpenerWords.Contains(Word(j)) && !Is(j, "and") && !Is(j, "or");

    private void AddRole(Dictionary<string, List<int>> roles, int token, int mention)
    {
        var word = Word(token).ToString().ToLowerInvariant();
        if (!roles.TryGetValue(word, out var list))
        {
            roles[word] = list = [];
        }

        if (list.Count == 0 || list[^1] != mention)
        {
            list.Add(mention);
        }
    }

    /// <summary>The first and last token of mention <paramref name="m"/>, or null when no token lies in it.</summary>
    private (int First, int Last)? MentionTokens(int m)
    {
        var lo = 0;
        var hi = _tokens.Length - 1;
        var start = _mentions[m].Start;
        while (lo < hi)
        {
            var mid = (lo + hi) / 2;
            if (_tokens[mid].Start < start)
            {
                lo = mid + 1;
            }
            else
            {
                hi = mid;
            }
        }

        if (lo >= _tokens.Length || _mentionOf[lo] != m)
        {
            return null;
        }

        var last = lo;
        while (last + 1 < _tokens.Length && _mentionOf[last + 1] == m)
        {
            last++;
        }

        return (lo, last);
    }
}
