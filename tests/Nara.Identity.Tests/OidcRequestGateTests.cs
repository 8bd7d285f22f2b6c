using System.Net;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Nara.Identity.Features.Oidc;
using Nara.Testing;
using OpenIddict.Server;
using OpenIddict.Server.AspNetCore;

namespace Nara.Identity.Tests;

/// <summary>OpenIddict's server sees only requests addressed to it, and still answers every one of those.</summary>
public sealed class OidcRequestGateTests(NaraFactory factory) : IClassFixture<NaraFactory>
{
    [Fact]
    public void Every_OpenIddict_server_endpoint_lies_under_a_path_the_gate_lets_through()
    {
        var options = factory.Services.GetRequiredService<IOptionsMonitor<OpenIddictServerOptions>>().CurrentValue;
        Uri[] endpoints =
        [
            .. options.AuthorizationEndpointUris, .. options.ConfigurationEndpointUris, .. options.DeviceAuthorizationEndpointUris,
            .. options.EndUserVerificationEndpointUris, .. options.IntrospectionEndpointUris, .. options.JsonWebKeySetEndpointUris,
            .. options.EndSessionEndpointUris, .. options.PushedAuthorizationEndpointUris, .. options.RevocationEndpointUris,
            .. options.TokenEndpointUris, .. options.UserInfoEndpointUris,
        ];
        Assert.NotEmpty(endpoints);
        Assert.All(endpoints, uri => Assert.True(OidcRequestGate.IsServerPath(new PathString("/" + uri.OriginalString.TrimStart('/'))), uri.OriginalString));
    }

    [Theory]
    [InlineData("/api/notifications/messages")]
    [InlineData("/services/parental-benefit")]
    [InlineData("/connections")]
    public async Task Elsewhere_the_server_scheme_is_no_request_handler_but_still_authenticates(string path)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        var context = new DefaultHttpContext { RequestServices = scope.ServiceProvider };
        context.Request.Path = path;
        var handler = await scope.ServiceProvider.GetRequiredService<IAuthenticationHandlerProvider>()
            .GetHandlerAsync(context, OpenIddictServerAspNetCoreDefaults.AuthenticationScheme);
        Assert.NotNull(handler);
        Assert.IsNotType<IAuthenticationRequestHandler>(handler, exactMatch: false);
    }

    [Fact]
    public async Task Under_connect_the_server_scheme_handles_requests_itself()
    {
        await using var scope = factory.Services.CreateAsyncScope();
        var context = new DefaultHttpContext { RequestServices = scope.ServiceProvider };
        context.Request.Path = "/connect/token";
        var handler = await scope.ServiceProvider.GetRequiredService<IAuthenticationHandlerProvider>()
            .GetHandlerAsync(context, OpenIddictServerAspNetCoreDefaults.AuthenticationScheme);
        Assert.IsAssignableFrom<IAuthenticationRequestHandler>(handler);
    }

    [Fact]
    public async Task The_token_endpoint_still_answers_a_bad_grant_with_an_OAuth_error()
    {
        using var response = await factory.CreateClient().PostAsync(
            "/connect/token", new FormUrlEncodedContent(new Dictionary<string, string> { ["grant_type"] = "password" }));
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("unsupported_grant_type", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }
}
