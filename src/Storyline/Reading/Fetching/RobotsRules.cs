namespace Storyline.Reading.Fetching;

/// <summary>
/// The rules of a robots.txt for one user agent (RFC 9309): the group naming the agent's product token, else the
/// <c>*</c> group; the longest matching Allow or Disallow path wins, Allow on a tie; <c>*</c> and <c>$</c> patterns.
/// </summary>
public sealed class RobotsRules
{
    private readonly List<(string Pattern, bool Allow)> _rules;

    private RobotsRules(List<(string Pattern, bool Allow)> rules) => _rules = rules;

    /// <summary>Rules that allow everything (no robots.txt, or a 4xx for it).</summary>
    public static RobotsRules AllowAll { get; } = new([]);

    /// <summary>Rules that allow nothing (robots.txt unreachable: the site may be down, so wait).</summary>
    public static RobotsRules DisallowAll { get; } = new([("/", false)]);

    /// <summary>Parses robots.txt text for the agent whose product token is <paramref name="agent"/> (e.g. "storyline").</summary>
    public static RobotsRules Parse(string text, string agent)
    {
        ArgumentNullException.ThrowIfNull(text);
        var own = new List<(string, bool)>();
        var any = new List<(string, bool)>();
        var groupAgents = new List<string>();
        var inRules = false;
        var ownSeen = false;
        foreach (var rawLine in text.Split('\n').Take(10_000))
        {
            var line = rawLine;
            var hash = line.IndexOf('#', StringComparison.Ordinal);
            if (hash >= 0)
            {
                line = line[..hash];
            }

            var colon = line.IndexOf(':', StringComparison.Ordinal);
            if (colon < 0)
            {
                continue;
            }

            var field = line[..colon].Trim().ToLowerInvariant();
            var value = line[(colon + 1)..].Trim();
            if (field == "user-agent")
            {
                if (inRules)
                {
                    groupAgents.Clear();
                    inRules = false;
                }

                groupAgents.Add(value.ToLowerInvariant());
                continue;
            }

            if (field is not ("allow" or "disallow"))
            {
                continue;
            }

            inRules = true;
            if (value.Length == 0)
            {
                continue;
            }

            var rule = (value, field == "allow");
            if (groupAgents.Any(a => a.Length > 0 && a != "*" && agent.StartsWith(a, StringComparison.OrdinalIgnoreCase)))
            {
                own.Add(rule);
                ownSeen = true;
            }
            else if (groupAgents.Contains("*"))
            {
                any.Add(rule);
            }
        }

        return new RobotsRules(ownSeen ? own : any);
    }

    /// <summary>True when the path (with query) may be fetched.</summary>
    public bool Allows(string pathAndQuery)
    {
        var best = -1;
        var allowed = true;
        foreach (var (pattern, allow) in _rules)
        {
            if (Matches(pattern, pathAndQuery) && (pattern.Length > best || (pattern.Length == best && allow)))
            {
                best = pattern.Length;
                allowed = allow;
            }
        }

        return allowed;
    }

    private static bool Matches(string pattern, string path)
    {
        var anchored = pattern.EndsWith('$');
        var body = anchored ? pattern[..^1] : pattern;
        var parts = body.Split('*');
        if (!path.StartsWith(parts[0], StringComparison.Ordinal))
        {
            return false;
        }

        var position = parts[0].Length;
        for (var i = 1; i < parts.Length; i++)
        {
            var found = path.IndexOf(parts[i], position, StringComparison.Ordinal);
            if (found < 0)
            {
                return false;
            }

            position = found + parts[i].Length;
        }

        if (!anchored)
        {
            return true;
        }

        return parts.Length == 1 ? position == path.Length : path.EndsWith(parts[^1], StringComparison.Ordinal);
    }
}
