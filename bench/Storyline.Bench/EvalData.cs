namespace Storyline.Bench;

/// <summary>Finds the shared evaluation data (<c>../shared/eval</c> beside the checkout) without copying it into the repository.</summary>
internal static class EvalData
{
    public static string Root(string? explicitRoot)
    {
        if (explicitRoot is not null)
        {
            return Directory.Exists(explicitRoot) ? explicitRoot : throw new DirectoryNotFoundException($"{explicitRoot}: no such directory");
        }

        for (var directory = new DirectoryInfo(Directory.GetCurrentDirectory()); directory is not null; directory = directory.Parent)
        {
            var candidate = Path.Combine(directory.FullName, "shared", "eval");
            if (Directory.Exists(candidate))
            {
                return candidate;
            }
        }

        throw new DirectoryNotFoundException("cannot find shared/eval above the current directory; pass --eval DIR");
    }
}
