using Storyline.Analysis.Entities;

namespace Storyline.Comparison;

/// <summary>
/// Links names across a story's articles as the recogniser links them within one: a name that is the last
/// word(s) of exactly one longer name of the same type ("Bannon", "Steve Bannon") stands for it.
/// </summary>
internal sealed class NameLinker
{
    private readonly Dictionary<(EntityType, string), string> _full = [];

    public NameLinker(IEnumerable<(EntityType Type, string Name)> names)
    {
        var all = names.Distinct().ToList();
        foreach (var (type, name) in all)
        {
            var longer = all.Where(n => n.Type == type && n.Name.EndsWith(" " + name, StringComparison.Ordinal)).Select(n => n.Name).Distinct(StringComparer.Ordinal).ToList();
            _full[(type, name)] = longer.Count == 1 ? longer[0] : name;
        }
    }

    /// <summary>The fullest form of <paramref name="name"/> as a name of <paramref name="type"/>.</summary>
    public string Full(EntityType type, string name) => _full.GetValueOrDefault((type, name), name);

    /// <summary>A speaker's fullest form: as a person when the story names such a person, else as it is.</summary>
    public string Speaker(string name) => Full(EntityType.Person, name);
}
