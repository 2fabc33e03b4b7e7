namespace Storyline.Web.Portal;

/// <summary>What an account's name and password must be.</summary>
public static class AccountRules
{
    /// <summary>Longest password accepted (hashing a huge one is a cheap denial of service).</summary>
    public const int MaxPassword = 256;

    /// <summary>Why the name cannot be an account's (2-64 letters, digits, spaces, dots, dashes, underscores), or null.</summary>
    public static string? CheckName(string name) =>
        name.Length is < 2 or > 64 ? "A name has 2 to 64 characters."
        : !name.All(c => char.IsLetterOrDigit(c) || c is ' ' or '.' or '-' or '_') ? "A name has only letters, digits, spaces, dots, dashes and underscores."
        : null;

    /// <summary>Why the password is not acceptable (8 to 256 characters), or null.</summary>
    public static string? CheckPassword(string password) =>
        password.Length is < 8 or > MaxPassword ? "A password has 8 to 256 characters." : null;
}
