using System.Net;
using System.Net.Sockets;

namespace Storyline.Reading.Fetching;

/// <summary>
/// The SSRF guard's rule: which resolved addresses a fetch may not connect to — loopback, private (RFC 1918, IPv6
/// unique local), link-local, multicast, unspecified, carrier-grade NAT (100.64/10), benchmarking and reserved
/// ranges — including their IPv4-mapped, IPv4-compatible, NAT64 and 6to4 IPv6 forms, so that no spelling of a
/// private address gets through.
/// </summary>
public static class AddressGuard
{
    /// <summary>True when a connection to <paramref name="address"/> must be refused.</summary>
    public static bool IsRefused(IPAddress address)
    {
        ArgumentNullException.ThrowIfNull(address);
        if (address.AddressFamily == AddressFamily.InterNetwork)
        {
            return IsRefusedV4(address.GetAddressBytes());
        }

        if (address.AddressFamily != AddressFamily.InterNetworkV6)
        {
            return true;
        }

        if (address.IsIPv4MappedToIPv6)
        {
            return IsRefusedV4(address.MapToIPv4().GetAddressBytes());
        }

        var b = address.GetAddressBytes();
        if (IPAddress.IPv6Any.Equals(address) || IPAddress.IPv6Loopback.Equals(address))
        {
            return true;
        }

        // fc00::/7 unique local, fe80::/10 link-local, fec0::/10 site-local (deprecated), ff00::/8 multicast.
        if ((b[0] & 0xFE) == 0xFC || (b[0] == 0xFE && (b[1] & 0xC0) is 0x80 or 0xC0) || b[0] == 0xFF)
        {
            return true;
        }

        // ::a.b.c.d (IPv4-compatible, deprecated) and 64:ff9b::/96 (NAT64) carry an IPv4 address in the last 4 bytes.
        var zeroPrefix = b.AsSpan(0, 12).IndexOfAnyExcept((byte)0) < 0;
        var nat64 = b[0] == 0x00 && b[1] == 0x64 && b[2] == 0xFF && b[3] == 0x9B && b.AsSpan(4, 8).IndexOfAnyExcept((byte)0) < 0;
        if (zeroPrefix || nat64)
        {
            return IsRefusedV4(b[12..]);
        }

        // 2002::/16 (6to4) carries one in bytes 2-5.
        if (b[0] == 0x20 && b[1] == 0x02)
        {
            return IsRefusedV4(b[2..6]);
        }

        return false;
    }

    private static bool IsRefusedV4(byte[] b) => b[0] switch
    {
        0 => true,                                    // 0.0.0.0/8 "this network", unspecified
        10 => true,                                   // 10/8 private
        127 => true,                                  // loopback
        100 => (b[1] & 0xC0) == 64,                   // 100.64/10 carrier-grade NAT
        169 => b[1] == 254,                           // link-local
        172 => (b[1] & 0xF0) == 16,                   // 172.16/12 private
        192 => (b[1] == 168) || (b[1] == 0 && b[2] is 0 or 2), // 192.168/16 private, 192.0.0/24 protocol, 192.0.2/24 documentation
        198 => (b[1] & 0xFE) == 18 || (b[1] == 51 && b[2] == 100), // 198.18/15 benchmarking, 198.51.100/24 documentation
        203 => b[1] == 0 && b[2] == 113,              // documentation
        >= 224 => true,                               // multicast 224/4, reserved 240/4, broadcast
        _ => false,
    };
}
