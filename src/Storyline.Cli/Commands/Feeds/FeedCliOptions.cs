using System.CommandLine;
using Storyline.Reading.Fetching;

namespace Storyline.Cli.Commands.Feeds;

/// <summary>Options and settings shared by the commands that reach the network.</summary>
internal static class FeedCliOptions
{
    public static Option<bool> AllowPrivateAddresses() => new("--allow-private-addresses")
    {
        Description = $"Allow connections to loopback, private and link-local addresses (also {FetchOptions.AllowPrivateAddressesVariable}=true); for local tests and intranets",
    };

    /// <summary>True when the option or the environment lifts the SSRF guard.</summary>
    public static bool PrivateAllowed(bool option) => option || FetchOptions.EnvironmentAllowsPrivateAddresses();

    public static FeedHttpClient Client(bool allowPrivate) => new(FetchOptions.Default with { AllowPrivateAddresses = allowPrivate });
}
