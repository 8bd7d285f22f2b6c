using System.Net;
using System.Net.Sockets;

namespace Nara.Credentials.Oid4vp;

/// <summary>
/// Keeps the web wallet's requests to a verifier (a URL a citizen brought) off the host's own networks (SSRF): the
/// connection is made here, to an address checked here, so a name that resolves to a private address — at the check
/// or, with DNS rebinding, a moment later — is never connected to. Refused: loopback (allowed in Development and
/// Testing only, where the verifier is this host), private, shared (CGNAT), link-local (cloud metadata), unique-local
/// and site-local IPv6, multicast, unspecified, broadcast, documentation and reserved ranges; IPv4 inside IPv6
/// (mapped, compatible, NAT64, 6to4) is judged by the IPv4 address it carries.
/// </summary>
internal static class VerifierAddresses
{
    /// <summary>Thrown by the connect callback; reaches the caller as the inner exception of an HttpRequestException.</summary>
    internal sealed class BlockedAddressException(string host) : Exception($"'{host}' resolves only to addresses the wallet does not connect to.");

    /// <summary>Why the address is refused ("loopback", "private", …), or null for a public unicast address.</summary>
    public static string? Blocked(IPAddress address)
    {
        ArgumentNullException.ThrowIfNull(address);
        if (address.AddressFamily == AddressFamily.InterNetworkV6 && EmbeddedIPv4(address) is { } v4)
        {
            return Blocked(v4);
        }

        return address.AddressFamily switch
        {
            AddressFamily.InterNetwork => BlockedV4(address.GetAddressBytes()),
            AddressFamily.InterNetworkV6 => BlockedV6(address.GetAddressBytes()),
            _ => "unsupported",
        };
    }

    /// <summary>Whether the wallet may connect to the address; loopback only when <paramref name="loopbackAllowed"/>.</summary>
    public static bool Allowed(IPAddress address, bool loopbackAllowed) => Blocked(address) switch
    {
        null => true,
        "loopback" => loopbackAllowed,
        _ => false,
    };

    /// <summary>Whether a failed request was refused by this guard (not a network failure).</summary>
    public static bool IsBlocked(Exception exception)
    {
        for (Exception? e = exception; e is not null; e = e.InnerException)
        {
            if (e is BlockedAddressException)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Resolves the host, keeps the allowed addresses and connects to one of them (SocketsHttpHandler.ConnectCallback).</summary>
    public static Func<SocketsHttpConnectionContext, CancellationToken, ValueTask<Stream>> ConnectCallback(bool loopbackAllowed) =>
        async (context, cancellationToken) =>
        {
            var host = context.DnsEndPoint.Host.Trim('[', ']');
            var resolved = IPAddress.TryParse(host, out var literal) ? [literal] : await Dns.GetHostAddressesAsync(host, cancellationToken);
            var allowed = resolved.Where(a => Allowed(a, loopbackAllowed)).ToArray();
            if (allowed.Length == 0)
            {
                throw new BlockedAddressException(host);
            }

            var socket = new Socket(SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
            try
            {
                await socket.ConnectAsync(allowed, context.DnsEndPoint.Port, cancellationToken);
                return new NetworkStream(socket, ownsSocket: true);
            }
            catch
            {
                socket.Dispose();
                throw;
            }
        };

    private static string? BlockedV4(byte[] b) => (b[0], b[1]) switch
    {
        (0, _) => "unspecified",                                   // 0.0.0.0/8 "this network"
        (10, _) => "private",                                      // 10.0.0.0/8
        (100, >= 64 and < 128) => "shared",                        // 100.64.0.0/10 carrier-grade NAT
        (127, _) => "loopback",                                    // 127.0.0.0/8
        (169, 254) => "link-local",                                // 169.254.0.0/16, cloud metadata lives here
        (172, >= 16 and < 32) => "private",                        // 172.16.0.0/12
        (192, 0) when b[2] is 0 or 2 => "reserved",                // 192.0.0.0/24 protocol assignments, 192.0.2.0/24 documentation
        (192, 88) when b[2] == 99 => "reserved",                   // 192.88.99.0/24 former 6to4 relays
        (192, 168) => "private",                                   // 192.168.0.0/16
        (198, 18 or 19) => "reserved",                             // 198.18.0.0/15 benchmarking
        (198, 51) when b[2] == 100 => "reserved",                  // documentation
        (203, 0) when b[2] == 113 => "reserved",                   // documentation
        ( >= 224 and < 240, _) => "multicast",                     // 224.0.0.0/4
        ( >= 240, _) => "reserved",                                // 240.0.0.0/4 and the broadcast address
        _ => null,
    };

    private static string? BlockedV6(byte[] b)
    {
        if (b.All(x => x == 0))
        {
            return "unspecified";                                  // ::
        }

        if (b.Take(15).All(x => x == 0) && b[15] == 1)
        {
            return "loopback";                                     // ::1
        }

        return (b[0], b[1]) switch
        {
            (0xff, _) => "multicast",                              // ff00::/8
            (0xfe, >= 0x80 and < 0xc0) => "link-local",            // fe80::/10
            (0xfe, >= 0xc0) => "private",                          // fec0::/10 site-local (deprecated)
            (0xfc or 0xfd, _) => "private",                        // fc00::/7 unique-local
            (0x20, 0x01) when b[2] == 0x0d && b[3] == 0xb8 => "reserved", // 2001:db8::/32 documentation
            (0x20, 0x01) when b[2] == 0 && b[3] == 0 => "reserved",       // 2001::/32 Teredo: tunnels to an unknown IPv4 peer
            (0x01, 0x00) when b.Skip(2).Take(6).All(x => x == 0) => "reserved", // 100::/64 discard
            (0x00, _) => "reserved",                               // ::/8 other than the forms above
            _ => null,
        };
    }

    /// <summary>The IPv4 address carried by ::ffff:a.b.c.d, ::a.b.c.d, 64:ff9b::a.b.c.d (NAT64) and 2002:aabb:ccdd::/48 (6to4).</summary>
    private static IPAddress? EmbeddedIPv4(IPAddress address)
    {
        if (address.IsIPv4MappedToIPv6)
        {
            return address.MapToIPv4();
        }

        var b = address.GetAddressBytes();
        if (b.Take(12).All(x => x == 0) && !(b[12] == 0 && b[13] == 0 && b[14] == 0 && b[15] <= 1))
        {
            return new IPAddress(b.AsSpan(12, 4));                 // IPv4-compatible (deprecated), not :: or ::1
        }

        if (b[0] == 0x00 && b[1] == 0x64 && b[2] == 0xff && b[3] == 0x9b && b.Skip(4).Take(8).All(x => x == 0))
        {
            return new IPAddress(b.AsSpan(12, 4));                 // 64:ff9b::/96 NAT64
        }

        return b[0] == 0x20 && b[1] == 0x02 ? new IPAddress(b.AsSpan(2, 4)) : null; // 2002::/16 6to4
    }
}
