using Storyline.Analysis.Text;

namespace Storyline.Analysis.Entities;

/// <summary>Rules over the tagger's output for news text: titles, institutions, propagation and linking.</summary>
internal static class NewsRules
{
    /// <summary>Words of job titles and honorifics: not part of a person's name, but a sign that one follows.</summary>
    private static readonly HashSet<string> Titles = new(StringComparer.OrdinalIgnoreCase)
    {
        "president", "vice", "prime", "minister", "deputy", "first", "chairman", "chairwoman", "chairperson", "chair",
        "spokesperson", "spokesman", "spokeswoman", "secretary", "senator", "sen.", "rep.", "representative", "congressman",
        "congresswoman", "governor", "gov.", "mayor", "general", "gen.", "colonel", "col.", "lieutenant", "lt.", "sergeant",
        "sgt.", "captain", "capt.", "commander", "admiral", "adm.", "director", "ceo", "chief", "executive", "head", "leader",
        "lawmaker", "legislator", "ambassador", "envoy", "judge", "justice", "king", "queen", "prince", "princess", "pope",
        "mr.", "mrs.", "ms.", "dr.", "prof.", "professor", "sir", "dame", "lord", "lady", "sheikh", "former", "ex",
        "founder", "co-founder", "billionaire", "entrepreneur", "tycoon", "mogul", "journalist", "blogger", "commentator",
        "analyst", "strategist", "adviser", "advisor", "aide", "official", "officer", "chancellor", "premier", "speaker",
        "attorney", "prosecutor", "pastor", "rev.", "bishop", "cardinal", "rabbi", "imam", "coach", "manager", "editor",
        "correspondent", "reporter", "whistleblower", "dictator", "autocrat", "candidate", "nominee", "mr", "mrs", "ms", "dr",
    };

    /// <summary>Title words that also start or end ordinary names ("First Republic", "General Motors", "Prime Video").</summary>
    private static readonly HashSet<string> WeakTitles = new(StringComparer.OrdinalIgnoreCase)
    {
        "vice", "prime", "deputy", "first", "general", "head", "chief", "executive", "former", "ex", "justice", "lady", "lord",
        "speaker", "official", "officer", "leader", "manager", "king", "queen", "prince", "princess", "coach", "chair", "sir",
        "dame", "founder", "co-founder", "editor", "candidate", "nominee",
    };

    private static readonly WordSet TitleLookup = new(Titles);

    private static readonly WordSet WeakTitleLookup = new(WeakTitles);

    /// <summary>Institutions named by their seat or building, and other organisations the tagger often misses.</summary>
    private static readonly (string[] Words, EntityType Type)[] Institutions =
    [
        (["State", "Duma"], EntityType.Organization),
        (["White", "House"], EntityType.Organization),
        (["Kremlin"], EntityType.Organization),
        (["Pentagon"], EntityType.Organization),
        (["Duma"], EntityType.Organization),
        (["Congress"], EntityType.Organization),
        (["Senate"], EntityType.Organization),
        (["TASS"], EntityType.Organization),
        (["Reuters"], EntityType.Organization),
        (["NATO"], EntityType.Organization),
    ];

    /// <summary>The first words of <see cref="Institutions"/>: most capitalised words are none, and are passed over with one lookup.</summary>
    private static readonly WordSet InstitutionStarts =
        new(new HashSet<string>(Institutions.Select(i => i.Words[0]), StringComparer.Ordinal));

    public static List<EntityMention> Apply(string text, Token[] tokens, Sentence[] sentences, List<(int First, int End, EntityType Type)> found, Gazetteer gazetteer)
    {
        var sentenceOf = new int[tokens.Length];
        for (var s = 0; s < sentences.Length; s++)
        {
            sentenceOf.AsSpan(sentences[s].FirstToken, sentences[s].TokenCount).Fill(s);
        }

        // Asked of most tokens several times over (steps 0, 2, 3, 4): worked out once.
        var capitalised = new bool[tokens.Length];
        for (var i = 0; i < tokens.Length; i++)
        {
            capitalised[i] = tokens[i].Kind == TokenKind.Word && char.IsUpper(text[tokens[i].Start]) && !tokens[i].Has(TokenTraits.Clitic);
        }

        string Word(int i) => text.Substring(tokens[i].Start, tokens[i].Length);
        bool Capitalised(int i) => capitalised[i];
        bool NameToken(int i) => Capitalised(i) || (tokens[i].Kind == TokenKind.Number && i > 0 && Capitalised(i - 1) && tokens[i].Length < 5);
        ReadOnlySpan<char> Span(int i) => text.AsSpan(tokens[i].Start, tokens[i].Length);

        // Asked of every token: looked up by span, not by a new string each time.
        bool IsTitle(int i) => tokens[i].Kind == TokenKind.Word && TitleLookup.Contains(Span(i));
        bool IsStrongTitle(int i) => IsTitle(i) && !WeakTitleLookup.Contains(Span(i));
        bool HasStrongTitle(int from, int to)
        {
            for (var i = from; i < to; i++)
            {
                if (IsStrongTitle(i))
                {
                    return true;
                }
            }

            return false;
        }

        // 0. Names are runs of capitalised words (with "of", "de", … inside; a person's name not with "and":
        //    "between Musk and Trump" is two people): the tagger, trained on
        //    Wikipedia fragments, sometimes runs on into lower-case words of long news sentences.
        //    In a title-case line without a final stop (a headline) capitalisation says nothing: only names known from the rest of
        //    the text are kept there (step 4 finds them again).
        var headline = new bool[sentences.Length];
        for (var s = 0; s < sentences.Length; s++)
        {
            var words = 0;
            var capitals = 0;
            for (var i = sentences[s].FirstToken; i < sentences[s].EndToken; i++)
            {
                if (tokens[i].Kind == TokenKind.Word && !tokens[i].Has(TokenTraits.Clitic) && tokens[i].Length > 3)
                {
                    words++;
                    capitals += char.IsUpper(text[tokens[i].Start]) ? 1 : 0;
                }
            }

            var last = text.AsSpan(tokens[sentences[s].EndToken - 1].Start, tokens[sentences[s].EndToken - 1].Length);
            var ended = last is "." or "!" or "?" or "…" || tokens[sentences[s].EndToken - 1].Kind == TokenKind.CloseQuote;
            headline[s] = !ended && words >= 3 && capitals >= words * 0.8;
        }

        var runs = new List<(int First, int End, EntityType Type)>();
        foreach (var (first, end, type) in found)
        {
            if (headline[sentenceOf[first]])
            {
                continue;
            }

            var i = first;
            while (i < end)
            {
                while (i < end && (!NameToken(i) || LeadingFunctionLookup.Contains(Span(i)) || NotNameLookup.Contains(Span(i))))
                {
                    i++;
                }

                var runStart = i;
                var runEnd = i;
                while (i < end)
                {
                    if (NameToken(i) && !NotNameLookup.Contains(Span(i)))
                    {
                        runEnd = ++i;
                    }
                    else if (i > runStart && i + 1 < end && !(type == EntityType.Person && Span(i) is "and" or "&")
                        && (ConnectorLookup.Contains(Span(i)) || (Span(i) is "-" or "&" && tokens[i].End == tokens[i + 1].Start)))
                    {
                        i++;
                    }
                    else
                    {
                        break;
                    }
                }

                if (runEnd > runStart && !(runEnd - runStart == 1 && (IsFunctionWord(Span(runStart)) || NumberWord(Span(runStart)))))
                {
                    runs.Add((runStart, runEnd, type));
                }

                i = Math.Max(i, runEnd);
                if (i == runStart)
                {
                    i++;
                }
            }
        }

        // Evidence that a name is a person's: a title before it, a known first name, a speech verb after it.
        var people = new HashSet<string>(StringComparer.Ordinal);
        for (var r = 0; r < runs.Count; r++)
        {
            var (first, end, type) = runs[r];
            if (type == EntityType.Person || InstitutionWords(text, tokens, first, end))
            {
                continue;
            }

            var titled = first > 0 && IsStrongTitle(first - 1) && !char.IsUpper(text[tokens[first - 1].Start]) && end - first <= 4
                && Span(first - 1) is not ("former" or "ex") && !IsAcronym(Span(first));
            var (firstLabel, firstConfidence) = gazetteer.Describe(Span(first));
            var firstName = (end - first is 2 or 3 && firstLabel == 1 && firstConfidence >= 1) || (end - first == 1 && firstLabel == 1 && firstConfidence == 2);
            var (lastLabel, _) = gazetteer.Describe(Span(end - 1));
            var speaker = end - first <= 3 && lastLabel is -1 or 1 or 2 && SpeechVerbAfter(end);
            if (titled || firstName || speaker)
            {
                runs[r] = (first, end, EntityType.Person);
                people.Add(Join(text, tokens, first, end));
            }
        }

        bool SpeechVerbAfter(int i)
        {
            if (i < tokens.Length && Span(i) is ",")
            {
                i++;
            }

            return i < tokens.Length && SpeechVerbLookup.Contains(Span(i));
        }

        // 1. Titles are not part of names: "First Deputy Chairman Dmitry Novikov" → "Dmitry Novikov" (PER);
        //    "Tesla CEO" → "Tesla"; "Kremlin spokesperson" → "Kremlin".
        var mentions = new List<(int First, int End, EntityType Type)>();
        foreach (var (first, end0, type0) in runs)
        {
            var end = end0;
            while (end - first > 1 && IsTitle(end - 1))
            {
                end--;
            }

            if (end < end0 && !HasStrongTitle(end, end0))
            {
                end = end0; // "Sitting Bull Chief", "Motors General": not a job title
            }

            // "US President" → "US": what is left is typed by what it usually is.
            var type = type0;
            if (end < end0 && end - first == 1 && gazetteer.Describe(Span(first)) is ({ } label and > 0, >= 1))
            {
                type = (EntityType)((label - 1) / 2);
            }

            var lastTitle = -1;
            for (var i = first; i < end - 1; i++)
            {
                if (IsTitle(i))
                {
                    lastTitle = i;
                }
            }

            var titleStart = lastTitle;
            while (titleStart > first && IsTitle(titleStart - 1))
            {
                titleStart--;
            }

            // Only a real job title splits a name: "First Republic Bank" and "General Motors" stay whole.
            if (lastTitle >= 0 && (!HasStrongTitle(titleStart, lastTitle + 1) || end - (lastTitle + 1) > 3))
            {
                lastTitle = -1;
            }

            if (lastTitle < 0)
            {
                if (!(end - first == 1 && IsTitle(first)))
                {
                    mentions.Add((first, end, type));
                }

                continue;
            }

            if (titleStart > first)
            {
                mentions.Add((first, titleStart, type == EntityType.Person ? EntityType.Organization : type));
            }

            mentions.Add((lastTitle + 1, end, EntityType.Person));
        }

        var covered = new bool[tokens.Length];
        void Cover(int first, int end, bool value) => covered.AsSpan(first, end - first).Fill(value);
        foreach (var (first, end, _) in mentions)
        {
            Cover(first, end, true);
        }

        // 2. A title marks the capitalised name after it as a person: "spokesperson Dmitry Peskov".
        for (var i = 0; i + 1 < tokens.Length; i++)
        {
            if (covered[i + 1] || !Capitalised(i + 1) || !IsStrongTitle(i) || IsTitle(i + 1) || sentenceOf[i] != sentenceOf[i + 1])
            {
                continue;
            }

            var end = i + 1;
            while (end < tokens.Length && end - i <= 3 && !covered[end] && Capitalised(end) && !IsTitle(end) && sentenceOf[end] == sentenceOf[i]
                && !IsFunctionWord(Span(end)))
            {
                end++;
            }

            if (end > i + 1)
            {
                mentions.Add((i + 1, end, EntityType.Person));
                Cover(i + 1, end, true);
            }
        }

        // 3. Institutions: "the Kremlin" is an organisation, whatever the tagger said.
        for (var i = 0; i < tokens.Length; i++)
        {
            if (!Capitalised(i))
            {
                continue; // every institution word is capitalised
            }

            if (!InstitutionStarts.Contains(text.AsSpan(tokens[i].Start, tokens[i].Length)))
            {
                continue;
            }

            foreach (var (words, type) in Institutions)
            {
                if (!Matches(text, tokens, i, words))
                {
                    continue;
                }

                var end = i + words.Length;
                if (RemoveInsideThenOverlaps(mentions, i, end))
                {
                    break; // part of a longer name ("Kremlin Palace"): leave it
                }

                mentions.Add((i, end, type));
                Cover(i, end, true);
                break;
            }
        }

        // 4. A name found once is found again: whole names, and surnames of people.
        var known = new Dictionary<string, EntityType>(StringComparer.Ordinal);
        var firstWords = new HashSet<string>(StringComparer.Ordinal);
        foreach (var (first, end, type) in mentions)
        {
            known.TryAdd(Join(text, tokens, first, end), type);
            firstWords.Add(Word(first));
            firstWords.Add(Word(end - 1));
            if (type == EntityType.Person && end - first > 1 && Capitalised(end - 1))
            {
                known.TryAdd(Word(end - 1), EntityType.Person);
            }
        }

        // Asked of every capitalised token at up to four lengths: looked up from a buffer, not a new string each time.
        var knownLookup = known.GetAlternateLookup<ReadOnlySpan<char>>();
        var firstWordLookup = firstWords.GetAlternateLookup<ReadOnlySpan<char>>();
        Span<char> joined = stackalloc char[JoinBuffer];
        for (var i = 0; i < tokens.Length; i++)
        {
            if (covered[i] || !Capitalised(i) || !firstWordLookup.Contains(Span(i)))
            {
                continue;
            }

            for (var length = Math.Min(4, tokens.Length - i); length >= 1; length--)
            {
                if (covered.AsSpan(i, length).Contains(true) || sentenceOf[i + length - 1] != sentenceOf[i])
                {
                    continue;
                }

                if (TryGetJoined(knownLookup, text, tokens, i, i + length, joined, out var type) && (length > 1 || !IsFunctionWord(Span(i))))
                {
                    mentions.Add((i, i + length, type));
                    Cover(i, i + length, true);
                    i += length - 1;
                    break;
                }
            }
        }

        // The order step 6 needs. Sorting before step 5 gives the same order: the comparison reads only
        // positions, which step 5 leaves as they are.
        mentions.Sort((a, b) => a.First.CompareTo(b.First));

        // Each mention's name, joined once: one string per distinct name, shared by its mentions.
        var votes = new Dictionary<string, int[]>(StringComparer.Ordinal);
        var votesLookup = votes.GetAlternateLookup<ReadOnlySpan<char>>();
        var names = new string[mentions.Count];
        for (var m = 0; m < mentions.Count; m++)
        {
            var (first, end, type) = mentions[m];
            if (!TryJoin(text, tokens, first, end, joined, out var length) || !votesLookup.TryGetValue(joined[..length], out var name, out var counts))
            {
                name = Join(text, tokens, first, end);
                if (!votes.TryGetValue(name, out counts))
                {
                    votes[name] = counts = new int[4];
                }
            }

            names[m] = name;
            counts[(int)type]++;
        }

        // 5. Nationality words are MISC ("Russian", "American"); a surname of a person named in full is a person
        //    everywhere ("Musk"); otherwise a name takes the type it has most often in the text.
        var surnames = new HashSet<string>(StringComparer.Ordinal);
        var surnameLookup = surnames.GetAlternateLookup<ReadOnlySpan<char>>();
        var peopleLookup = people.GetAlternateLookup<ReadOnlySpan<char>>();
        var fullNames = new HashSet<string>(people, StringComparer.Ordinal);
        for (var m = 0; m < mentions.Count; m++)
        {
            var (first, end, type) = mentions[m];
            if (type == EntityType.Person && (end - first > 1 || peopleLookup.Contains(Span(first))))
            {
                surnameLookup.Add(Span(end - 1));
                surnameLookup.Add(Span(first));
                fullNames.Add(names[m]);
            }
        }

        for (var m = 0; m < mentions.Count; m++)
        {
            var (first, end, type) = mentions[m];
            var key = names[m];
            if (end - first == 1 && Demonyms.Contains(key))
            {
                type = EntityType.Misc;
            }
            else if ((end - first == 1 && surnames.Contains(key)) || fullNames.Contains(key))
            {
                type = EntityType.Person;
            }
            else if (!InstitutionWords(text, tokens, first, end))
            {
                var counts = votes[key];
                var best = Array.IndexOf(counts, counts.Max());
                type = counts[(int)type] == counts[best] ? type : (EntityType)best;
            }

            mentions[m] = (first, end, type);
        }

        // 6. Link a person's mentions to the fullest one that contains them.
        //    A person is named many times over: each distinct name is a candidate once and resolved once.
        var persons = new List<string[]>();
        var canonicals = new Dictionary<string, string>(StringComparer.Ordinal);
        for (var m = 0; m < mentions.Count; m++)
        {
            var (first, end, type) = mentions[m];
            if (type == EntityType.Person && canonicals.TryAdd(names[m], string.Empty))
            {
                persons.Add(Words(text, tokens, first, end));
            }
        }

        var result = new List<EntityMention>(mentions.Count);
        for (var m = 0; m < mentions.Count; m++)
        {
            var (first, end, type) = mentions[m];
            var surface = text[tokens[first].Start..tokens[end - 1].End];
            var canonical = surface;
            if (type == EntityType.Person)
            {
                canonical = canonicals[names[m]];
                if (canonical.Length == 0)
                {
                    var words = Words(text, tokens, first, end);
                    string[]? best = null;
                    foreach (var candidate in persons)
                    {
                        if (candidate.Length > words.Length && ContainsRun(candidate, words) && (best is null || candidate.Length > best.Length))
                        {
                            best = candidate;
                        }
                    }

                    canonical = canonicals[names[m]] = best is null ? names[m] : string.Join(' ', best);
                }
            }

            result.Add(new EntityMention(type, tokens[first].Start, tokens[end - 1].End, surface, canonical));
        }

        return result;
    }

    /// <summary>Capitalised words that are not names, or not on their own.</summary>
    private static readonly HashSet<string> NotNames = new(StringComparer.Ordinal)
    {
        "I", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday", "January", "February",
        "March", "April", "May", "June", "July", "August", "September", "October", "November", "December",
        "Jan.", "Feb.", "Mar.", "Apr.", "Jun.", "Jul.", "Aug.", "Sep.", "Sept.", "Oct.", "Nov.", "Dec.", "Mr.", "Mrs.", "Ms.", "Dr.",
    };

    private static readonly HashSet<string> SpeechVerbs = new(StringComparer.Ordinal)
    {
        "said", "says", "told", "added", "claimed", "claims", "argued", "stated", "wrote", "suggested", "insisted", "explained",
        "noted", "warned", "asked", "replied", "responded", "tweeted", "posted", "declared", "announced", "admitted", "recalled",
    };

    /// <summary>Capitalised function words that start sentences, not names.</summary>
    private static readonly HashSet<string> LeadingFunctionWords = new(StringComparer.Ordinal)
    {
        "The", "A", "An", "This", "That", "These", "Those", "His", "Her", "Its", "Their", "Our", "My", "Your", "But", "And",
        "Or", "In", "On", "At", "For", "With", "As", "By", "From", "To", "Of", "If", "When", "While", "After", "Before", "It",
        "He", "She", "They", "We", "You", "Some", "Many", "Most", "All", "Both", "Other", "Such", "There", "Here", "Then", "Now",
        "Meanwhile", "However", "Also", "So", "Yet", "Still", "Even", "Read", "Watch", "Click", "Related", "Advertisement",
    };

    /// <summary>Lower-case words that may join the capitalised words of one name.</summary>
    private static readonly HashSet<string> Connectors = new(StringComparer.Ordinal)
    {
        "of", "the", "and", "de", "for", "la", "le", "du", "von", "van", "der", "den", "del", "da", "di", "do", "dos", "das", "bin", "al", "on", "'s", "’s",
    };

    private static readonly WordSet SpeechVerbLookup = new(SpeechVerbs);

    /// <summary>
    /// Capitalised words that never start a name here, nor are one (<see cref="NotNames"/>, <see cref="LeadingFunctionWords"/>).
    /// </summary>
    internal static readonly WordSet QuietCapitals =
        new(new HashSet<string>(NotNames.Concat(LeadingFunctionWords), StringComparer.Ordinal));

    private static readonly WordSet NotNameLookup = new(NotNames);

    private static readonly WordSet LeadingFunctionLookup = new(LeadingFunctionWords);

    private static readonly WordSet ConnectorLookup = new(Connectors);

    private static readonly HashSet<string> Demonyms = new(StringComparer.Ordinal)
    {
        "Russian", "Russians", "American", "Americans", "British", "Briton", "Chinese", "Ukrainian", "Ukrainians", "German", "Germans",
        "French", "Israeli", "Israelis", "Palestinian", "Palestinians", "Iranian", "Iraqi", "Syrian", "Turkish", "Japanese", "Korean",
        "Indian", "Pakistani", "Afghan", "European", "Europeans", "Soviet", "Western", "Arab", "Arabs", "Muslim", "Muslims", "Christian",
        "Christians", "Jewish", "Catholic", "Canadian", "Mexican", "Brazilian", "Australian", "Italian", "Spanish", "Polish", "Dutch",
        "Swedish", "Belarusian", "Georgian", "Saudi", "Egyptian", "African", "Asian", "Latino", "Hispanic", "Democrat", "Democrats",
        "Republican", "Republicans", "Democratic", "English", "Scottish", "Irish", "Welsh", "Greek", "Venezuelan", "Cuban", "Kurdish",
    };

    private static bool InstitutionWords(string text, Token[] tokens, int first, int end)
    {
        foreach (var (words, _) in Institutions)
        {
            if (words.Length == end - first && Matches(text, tokens, first, words))
            {
                return true;
            }
        }

        return false;
    }

    private static bool NumberWord(ReadOnlySpan<char> word) =>
        word.StartsWith("One", StringComparison.Ordinal) || word.StartsWith("Two", StringComparison.Ordinal) || word.StartsWith("Three", StringComparison.Ordinal)
        || word.StartsWith("Four", StringComparison.Ordinal) || word.StartsWith("Five", StringComparison.Ordinal) || word.StartsWith("Six", StringComparison.Ordinal)
        || word.StartsWith("Seven", StringComparison.Ordinal) || word.StartsWith("Eight", StringComparison.Ordinal) || word.StartsWith("Nine", StringComparison.Ordinal)
        || word.StartsWith("Ten", StringComparison.Ordinal) || word.StartsWith("Twenty", StringComparison.Ordinal) || word.StartsWith("Thirty", StringComparison.Ordinal)
        || word.StartsWith("Forty", StringComparison.Ordinal) || word.StartsWith("Fifty", StringComparison.Ordinal) || word.StartsWith("Hundred", StringComparison.Ordinal);

    private static bool IsAcronym(ReadOnlySpan<char> word)
    {
        foreach (var c in word)
        {
            if (!char.IsUpper(c) && c != '.')
            {
                return false;
            }
        }

        return word.Length > 1;
    }

    private static bool IsFunctionWord(ReadOnlySpan<char> word)
    {
        if (word.Length > 64)
        {
            return false;
        }

        Span<char> lower = stackalloc char[word.Length];
        word.ToLowerInvariant(lower);
        return Stopwords.Contains(lower);
    }

    private static bool Matches(string text, Token[] tokens, int i, string[] words)
    {
        if (i + words.Length > tokens.Length)
        {
            return false;
        }

        for (var k = 0; k < words.Length; k++)
        {
            if (!text.AsSpan(tokens[i + k].Start, tokens[i + k].Length).SequenceEqual(words[k]))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>Longest joined name looked up without allocating; longer ones (rare) are joined as strings.</summary>
    private const int JoinBuffer = 256;

    private static bool TryGetJoined(Dictionary<string, EntityType>.AlternateLookup<ReadOnlySpan<char>> lookup, string text, Token[] tokens, int first, int end, Span<char> buffer, out EntityType type) =>
        TryJoin(text, tokens, first, end, buffer, out var length)
            ? lookup.TryGetValue(buffer[..length], out type)
            : lookup.Dictionary.TryGetValue(Join(text, tokens, first, end), out type);

    /// <summary>Writes the words of tokens [first, end) joined by spaces into <paramref name="buffer"/>; false when they do not fit.</summary>
    private static bool TryJoin(string text, Token[] tokens, int first, int end, Span<char> buffer, out int length)
    {
        length = 0;
        for (var k = first; k < end; k++)
        {
            var word = text.AsSpan(tokens[k].Start, tokens[k].Length);
            if (length + word.Length + 1 > buffer.Length)
            {
                return false;
            }

            if (k > first)
            {
                buffer[length++] = ' ';
            }

            word.CopyTo(buffer[length..]);
            length += word.Length;
        }

        return true;
    }

    /// <summary>
    /// Drops the mentions inside [first, end), then tells whether another overlaps it. Loops, not lambdas:
    /// lambdas capturing the loop variables here cost a closure object per capitalised token and rule.
    /// </summary>
    private static bool RemoveInsideThenOverlaps(List<(int First, int End, EntityType Type)> mentions, int first, int end)
    {
        var kept = 0;
        for (var k = 0; k < mentions.Count; k++)
        {
            if (!(mentions[k].First >= first && mentions[k].End <= end))
            {
                mentions[kept++] = mentions[k];
            }
        }

        mentions.RemoveRange(kept, mentions.Count - kept);
        foreach (var m in mentions)
        {
            if (m.First < end && m.End > first)
            {
                return true;
            }
        }

        return false;
    }

    private static string Join(string text, Token[] tokens, int first, int end) => string.Join(' ', Words(text, tokens, first, end));

    private static string[] Words(string text, Token[] tokens, int first, int end)
    {
        var words = new string[end - first];
        for (var k = first; k < end; k++)
        {
            words[k - first] = text.Substring(tokens[k].Start, tokens[k].Length);
        }

        return words;
    }

    private static bool ContainsRun(string[] haystack, string[] needle)
    {
        for (var i = 0; i + needle.Length <= haystack.Length; i++)
        {
            if (haystack.AsSpan(i, needle.Length).SequenceEqual(needle))
            {
                return true;
            }
        }

        return false;
    }
}
