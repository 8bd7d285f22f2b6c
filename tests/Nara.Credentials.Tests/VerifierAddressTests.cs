using System.Net;
using System.Net.Sockets;
using System.Text.RegularExpressions;
using Nara.Credentials.Oid4vp;
using Nara.Registries.Contracts;
using Nara.Testing;

namespace Nara.Credentials.Tests;

/// <summary>
/// The web wallet fetches URLs a citizen brought, so it connects only to public addresses: the classifier over a table
/// of addresses, the connect callback against a real listener, and the wallet page refusing a private verifier.
/// </summary>
public sealed class VerifierAddressTests(CredentialsFactory factory) : IClassFixture<CredentialsFactory>
{
    [Theory]
    [InlineData("8.8.8.8", null)]
    [InlineData("211.249.220.24", null)]
    [InlineData("2001:4860:4860::8888", null)]
    [InlineData("0.0.0.0", "unspecified")]
    [InlineData("10.1.2.3", "private")]
    [InlineData("172.16.0.1", "private")]
    [InlineData("172.31.255.255", "private")]
    [InlineData("172.32.0.1", null)]
    [InlineData("192.168.0.1", "private")]
    [InlineData("100.64.0.1", "shared")]
    [InlineData("100.127.255.255", "shared")]
    [InlineData("100.128.0.1", null)]
    [InlineData("127.0.0.1", "loopback")]
    [InlineData("127.255.0.9", "loopback")]
    [InlineData("169.254.169.254", "link-local")]
    [InlineData("224.0.0.1", "multicast")]
    [InlineData("239.255.255.250", "multicast")]
    [InlineData("255.255.255.255", "reserved")]
    [InlineData("198.18.0.1", "reserved")]
    [InlineData("192.0.2.1", "reserved")]
    [InlineData("::", "unspecified")]
    [InlineData("::1", "loopback")]
    [InlineData("fe80::1", "link-local")]
    [InlineData("fc00::1", "private")]
    [InlineData("fd12:3456::1", "private")]
    [InlineData("fec0::1", "private")]
    [InlineData("ff02::1", "multicast")]
    [InlineData("2001:db8::1", "reserved")]
    [InlineData("::ffff:10.0.0.1", "private")]
    [InlineData("::ffff:127.0.0.1", "loopback")]
    [InlineData("::ffff:169.254.169.254", "link-local")]
    [InlineData("::ffff:8.8.8.8", null)]
    [InlineData("::10.0.0.1", "private")]
    [InlineData("64:ff9b::a00:1", "private")]
    [InlineData("64:ff9b::808:808", null)]
    [InlineData("2002:c0a8:0101::1", "private")]
    [InlineData("2002:0808:0808::1", null)]
    public void Each_address_is_classified_as_public_or_by_why_it_is_refused(string address, string? expected)
    {
        Assert.Equal(expected, VerifierAddresses.Blocked(IPAddress.Parse(address)));
    }

    [Fact]
    public void Loopback_is_allowed_only_when_the_environment_allows_it_and_private_addresses_never_are()
    {
        Assert.True(VerifierAddresses.Allowed(IPAddress.Loopback, loopbackAllowed: true));
        Assert.False(VerifierAddresses.Allowed(IPAddress.Loopback, loopbackAllowed: false));
        Assert.False(VerifierAddresses.Allowed(IPAddress.Parse("10.0.0.1"), loopbackAllowed: true));
        Assert.True(VerifierAddresses.Allowed(IPAddress.Parse("8.8.8.8"), loopbackAllowed: false));
    }

    [Fact]
    public async Task The_connect_callback_resolves_the_name_and_refuses_before_connecting_when_only_blocked_addresses_answer()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        var accepted = ServeOneAsync(listener);

        using var production = Client(loopbackAllowed: false);
        var refused = await Assert.ThrowsAsync<HttpRequestException>(() => production.GetAsync(new Uri($"http://localhost:{port}/request")));
        Assert.True(VerifierAddresses.IsBlocked(refused));
        Assert.False(accepted.IsCompleted); // nothing connected

        using var development = Client(loopbackAllowed: true);
        using var response = await development.GetAsync(new Uri($"http://127.0.0.1:{port}/request"));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        await accepted;
    }

    [Theory]
    [InlineData("https://169.254.169.254/latest/meta-data")]
    [InlineData("https://10.20.30.40/request")]
    [InlineData("https://[::ffff:192.168.1.1]/request")]
    [InlineData("https://[fd00::1]/request")]
    public async Task The_wallet_page_refuses_a_verifier_on_a_private_address_without_sending_anything(string requestUri)
    {
        var citizen = await factory.CitizenAsync(DemoPersonas.MotherOfNewborn);
        var link = "openid4vp://?client_id=" + Uri.EscapeDataString("redirect_uri:https://shop.example/response") + "&request_uri=" + Uri.EscapeDataString(requestUri);

        var response = await citizen.GetAsync(new Uri($"/my/wallet/request?request={Uri.EscapeDataString(link)}", UriKind.Relative));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var html = await response.Content.ReadAsStringAsync();
        Assert.Equal("blocked-address", Regex.Match(html, "data-refusal=\"([^\"]+)\"").Groups[1].Value);
        Assert.Contains("공개 인터넷 주소가 아닙니다", html, StringComparison.Ordinal);
    }

    private static HttpClient Client(bool loopbackAllowed) => new(new SocketsHttpHandler
    {
        UseProxy = false,
        ConnectCallback = VerifierAddresses.ConnectCallback(loopbackAllowed),
    }) { Timeout = TimeSpan.FromSeconds(10) };

    private static async Task ServeOneAsync(TcpListener listener)
    {
        using var client = await listener.AcceptTcpClientAsync();
        var stream = client.GetStream();
        var buffer = new byte[4096];
        _ = await stream.ReadAsync(buffer);
        await stream.WriteAsync("HTTP/1.1 200 OK\r\nContent-Length: 0\r\nConnection: close\r\n\r\n"u8.ToArray());
    }
}
