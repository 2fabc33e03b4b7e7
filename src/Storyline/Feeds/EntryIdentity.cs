using System.Security.Cryptography;
using System.Text;
using Storyline.Reading.Feeds;

namespace Storyline.Feeds;

/// <summary>
/// How an entry is recognised from poll to poll: its guid/id, else its link, else a hash of its title and content;
/// and a hash of its title and text, which an edit changes (markup and whitespace changes do not).
/// </summary>
internal static class EntryIdentity
{
    public static string Key(FeedItem item) => Clean(item.Id) ?? Clean(item.Link) ?? "sha256:" + ContentHash(item);

    public static string ContentHash(FeedItem item)
    {
        var text = FeedText.Collapse(item.Title ?? "") + "\n" + FeedText.Collapse(item.Content ?? item.Summary ?? "");
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)))[..32];
    }

    public static string BodyHash(byte[] body) => Convert.ToHexStringLower(SHA256.HashData(body))[..32];

    private static string? Clean(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}
