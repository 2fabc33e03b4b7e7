namespace Storyline.Web.Tests;

/// <summary>One running site shared by the read-only tests of a class.</summary>
public sealed class SiteFixture : IAsyncLifetime
{
    internal TestSite Site { get; private set; } = null!;

    public async Task InitializeAsync() => Site = await TestSite.StartAsync();

    public async Task DisposeAsync()
    {
        await Site.DisposeAsync();
        TestSite.Delete(Site.Database);
    }
}
