using System.Security.Cryptography;
using System.Text;
using Storyline.Storage.Portal;

namespace Storyline.Web.Portal;

/// <summary>
/// API tokens: 32 random bytes, shown once; the store keeps only their SHA-256 (a token is random and long, so a plain
/// hash suffices where a password needs a slow one).
/// </summary>
public static class ApiTokens
{
    /// <summary>Gives the account a new token (replacing its former ones) and returns it.</summary>
    public static string Issue(IUserStore users, long userId)
    {
        ArgumentNullException.ThrowIfNull(users);
        var token = "sl_" + Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)).TrimEnd('=').Replace('+', '-').Replace('/', '_');
        users.ReplaceToken(userId, Hash(token));
        return token;
    }

    /// <summary>The hex SHA-256 of a token, as stored.</summary>
    public static string Hash(string token) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(token)));

    /// <summary>The account of the request's <c>Authorization: Bearer TOKEN</c>, or null.</summary>
    internal static PortalUser? Authenticate(HttpRequest request, IUserStore users)
    {
        var header = request.Headers.Authorization.ToString();
        const string Scheme = "Bearer ";
        if (!header.StartsWith(Scheme, StringComparison.OrdinalIgnoreCase) || header.Length > 512)
        {
            return null;
        }

        var token = header[Scheme.Length..].Trim();
        return token.Length == 0 ? null : users.FindByTokenHash(Hash(token));
    }
}
