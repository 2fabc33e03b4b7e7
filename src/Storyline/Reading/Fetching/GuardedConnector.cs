using System.Net;
using System.Net.Sockets;

namespace Storyline.Reading.Fetching;

/// <summary>
/// Opens every connection of the fetcher: resolves the host, checks each resolved address with
/// <see cref="AddressGuard"/>, and connects to an allowed address itself — so the address checked is the address
/// used, and a name that resolves to a private address (DNS rebinding included) cannot pass.
/// </summary>
internal static class GuardedConnector
{
    public static SocketsHttpHandler CreateHandler(FetchOptions options) => new()
    {
        AllowAutoRedirect = false,
        UseProxy = false,
        UseCookies = false,
        AutomaticDecompression = DecompressionMethods.GZip | DecompressionMethods.Brotli | DecompressionMethods.Deflate,
        ConnectTimeout = options.ConnectTimeout,
        PooledConnectionLifetime = TimeSpan.FromMinutes(5),
        MaxConnectionsPerServer = 2,
        ConnectCallback = (context, cancellation) => ConnectAsync(context.DnsEndPoint, options.AllowPrivateAddresses, cancellation),
    };

    private static async ValueTask<Stream> ConnectAsync(DnsEndPoint endPoint, bool allowPrivate, CancellationToken cancellation)
    {
        var addresses = IPAddress.TryParse(endPoint.Host, out var literal)
            ? [literal]
            : await Dns.GetHostAddressesAsync(endPoint.Host, cancellation).ConfigureAwait(false);
        IPAddress? refused = null;
        SocketException? lastError = null;
        foreach (var address in addresses)
        {
            if (!allowPrivate && AddressGuard.IsRefused(address))
            {
                refused ??= address;
                continue;
            }

            var socket = new Socket(address.AddressFamily, SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
            try
            {
                await socket.ConnectAsync(new IPEndPoint(address, endPoint.Port), cancellation).ConfigureAwait(false);
                return new NetworkStream(socket, ownsSocket: true);
            }
            catch (SocketException e)
            {
                socket.Dispose();
                lastError = e;
            }
            catch
            {
                socket.Dispose();
                throw;
            }
        }

        if (lastError is not null)
        {
            throw lastError;
        }

        throw new RefusedAddressException(refused is null
            ? $"{endPoint.Host} has no address"
            : $"refused: {endPoint.Host} resolves to {refused}, a loopback, private or otherwise internal address (set {FetchOptions.AllowPrivateAddressesVariable}=true or pass --allow-private-addresses to allow it)");
    }
}

/// <summary>A connection refused by the SSRF guard.</summary>
public sealed class RefusedAddressException : IOException
{
    /// <summary>Creates the exception with its message.</summary>
    public RefusedAddressException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception.</summary>
    public RefusedAddressException()
    {
    }

    /// <summary>Creates the exception with its message and cause.</summary>
    public RefusedAddressException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
