namespace Storyline.Web.Hosting;

/// <summary>The stylesheet and script, embedded in this assembly and served from /static/ (no CDN).</summary>
internal static class StaticAssets
{
    private static readonly Dictionary<string, (string Type, byte[] Body)> Files = new(StringComparer.Ordinal)
    {
        ["site.css"] = ("text/css; charset=utf-8", Load("Storyline.Web.site.css")),
        ["site.js"] = ("text/javascript; charset=utf-8", Load("Storyline.Web.site.js")),
    };

    private static byte[] Load(string name)
    {
        using var stream = typeof(StaticAssets).Assembly.GetManifestResourceStream(name)
            ?? throw new InvalidOperationException($"embedded resource {name} is missing");
        using var copy = new MemoryStream();
        stream.CopyTo(copy);
        return copy.ToArray();
    }

    public static void MapStaticAssets(this WebApplication app) =>
        app.MapGet("/static/{name}", (string name, HttpContext context) =>
        {
            if (!Files.TryGetValue(name, out var file))
            {
                return Results.NotFound();
            }

            context.Response.Headers.CacheControl = "public, max-age=3600";
            return Results.Bytes(file.Body, file.Type);
        }).ExcludeFromDescription();
}
