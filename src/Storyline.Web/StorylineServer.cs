using System.Threading.RateLimiting;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Storyline.Storage.Portal;
using Storyline.Web.Api;
using Storyline.Web.Hosting;
using Storyline.Web.Portal;

namespace Storyline.Web;

/// <summary>
/// The web reader and JSON API over a Storyline database (<c>storyline serve</c>): Kestrel, minimal APIs, pages rendered
/// on the server. Built here so that the command, the tests and the load benchmark run the same application.
/// </summary>
public static class StorylineServer
{
    /// <summary>Largest request body accepted (an article posted through the API, a form).</summary>
    public const long MaxRequestBody = 4 * 1024 * 1024;

    /// <summary>Builds the application; the database is opened (created, migrated) here, so a bad path fails before listening.</summary>
    /// <exception cref="Storage.StoreException">The database cannot be opened.</exception>
    public static WebApplication Build(ServeSettings settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        var portal = SqlitePortalStore.Open(settings.DatabasePath);
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions
        {
            EnvironmentName = Environments.Production,
            ApplicationName = typeof(StorylineServer).Assembly.GetName().Name,
            ContentRootPath = AppContext.BaseDirectory,
        });
        builder.WebHost.UseUrls(settings.Urls);
        builder.WebHost.ConfigureKestrel(kestrel =>
        {
            kestrel.AddServerHeader = false;
            kestrel.Limits.MaxRequestBodySize = MaxRequestBody;
            kestrel.Limits.MaxRequestHeadersTotalSize = 32 * 1024;
        });
        ConfigureLogging(builder.Logging, settings);
        ConfigureServices(builder.Services, settings, portal);
        var app = builder.Build();
        ConfigurePipeline(app);
        return app;
    }

    /// <summary>The addresses the started application listens on (port 0 resolved).</summary>
    public static IReadOnlyList<string> Addresses(WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        return [.. app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()?.Addresses ?? []];
    }

    private static void ConfigureLogging(ILoggingBuilder logging, ServeSettings settings)
    {
        logging.ClearProviders();
        if (settings.ConsoleLog)
        {
            logging.AddSimpleConsole(options => options.SingleLine = true);
        }

        // Per-request lines would cost the load they describe; warnings and errors are kept.
        logging.AddFilter("Microsoft", LogLevel.Warning);
        logging.AddFilter("Microsoft.Hosting.Lifetime", LogLevel.Information);
        // Keys are kept unencrypted in the user's profile (ASP.NET's default on Linux); saying so at every start is noise.
        logging.AddFilter("Microsoft.AspNetCore.DataProtection", LogLevel.Error);
    }

    private static void ConfigureServices(IServiceCollection services, ServeSettings settings, SqlitePortalStore portal)
    {
        services.AddSingleton(settings);
        services.AddSingleton(new StorePool(settings.DatabasePath));
        services.AddSingleton<StoryGeneration>();
        services.AddHostedService(provider => provider.GetRequiredService<StoryGeneration>());
        services.AddSingleton<ResponseCache>();
        services.AddSingleton<ComparisonCache>();
        services.AddSingleton(portal);
        services.AddSingleton<IUserStore>(portal);
        services.AddSingleton<IReactionStore>(portal);
        services.AddSingleton<IPostStore>(portal);
        services.AddSingleton<ArticleWriter>();
        services.AddHostedService<FeedService>();
        services.AddSingleton<PostService>();
        services.AddProblemDetails();
        services.AddOpenApi();
        services.AddAntiforgery(options =>
        {
            options.Cookie.Name = "storyline_antiforgery";
            options.Cookie.HttpOnly = true;
            options.Cookie.SameSite = SameSiteMode.Strict;
            options.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
        });
        services.AddAuthentication(CookieAuthenticationDefaults.AuthenticationScheme).AddCookie(options =>
        {
            options.Cookie.Name = "storyline_auth";
            options.Cookie.HttpOnly = true;
            options.Cookie.SameSite = SameSiteMode.Lax;
            options.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
            options.LoginPath = "/signin";
            options.ExpireTimeSpan = TimeSpan.FromDays(14);
            options.SlidingExpiration = true;
        });
        services.Configure<FormOptions>(options =>
        {
            options.ValueLengthLimit = 256 * 1024;
            options.ValueCountLimit = 64;
            options.KeyLengthLimit = 256;
            options.MultipartBodyLengthLimit = MaxRequestBody;
        });
        services.AddRateLimiter(options => ConfigureRateLimits(options, settings.Limits));
    }

    private static void ConfigureRateLimits(RateLimiterOptions options, RateLimits limits)
    {
        options.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
        foreach (var (name, permits) in new[]
        {
            (PortalEndpoints.ReactionsLimit, limits.Reactions),
            (PortalEndpoints.SignInLimit, limits.SignIn),
            (PortalEndpoints.SignUpLimit, limits.SignUp),
            (PortalEndpoints.PostsLimit, limits.Posts),
        })
        {
            options.AddPolicy(name, context => RateLimitPartition.GetFixedWindowLimiter(
                context.Connection.RemoteIpAddress?.ToString() ?? "unknown",
                _ => new FixedWindowRateLimiterOptions { PermitLimit = permits, Window = TimeSpan.FromMinutes(1), QueueLimit = 0 }));
        }
    }

    private static void ConfigurePipeline(WebApplication app)
    {
        app.UseSecurityHeaders();
        app.UseErrors();
        app.UseAuthentication();
        app.UseRateLimiter();
        app.MapOpenApi();
        app.MapStaticAssets();
        app.MapPages();
        app.MapPortal();
        app.MapApi();
        app.MapAtomFeed();
        app.Lifetime.ApplicationStopped.Register(() =>
        {
            app.Services.GetRequiredService<StorePool>().Dispose();
            app.Services.GetRequiredService<SqlitePortalStore>().Dispose();
        });
    }
}
