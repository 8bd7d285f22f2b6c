using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Nara.Identity.Contracts;
using Nara.Identity.Data;
using Nara.Identity.Features.Oidc.Clients;
using OpenIddict.Server;
using static OpenIddict.Abstractions.OpenIddictConstants;

namespace Nara.Identity.Features.Oidc;

/// <summary>
/// Nara's OpenID provider (OpenIddict): endpoints under /connect, stores in the Identity DbContext, keys from
/// the database, and validation of its own access tokens for Nara's APIs (local server integration).
/// </summary>
internal static class OidcProvider
{
    public const string AuthorizePath = "/connect/authorize";
    public const string TokenPath = "/connect/token";
    public const string UserInfoPath = "/connect/userinfo";
    public const string EndSessionPath = "/connect/endsession";

    public static IServiceCollection AddOidcProvider(this IServiceCollection services, IConfiguration configuration)
    {
        // HTTPS is required unless an operator says otherwise or the host runs outside Production (dev, tests).
        var environment = configuration[Microsoft.Extensions.Hosting.HostDefaults.EnvironmentKey];
        var allowHttp = configuration.GetValue<bool?>("Nara:Identity:Oidc:AllowHttp")
            ?? (environment is not null && !string.Equals(environment, "Production", StringComparison.OrdinalIgnoreCase));
        var issuer = configuration["Nara:Identity:Oidc:Issuer"];

        services.AddOpenIddict()
            .AddCore(o => o.UseEntityFrameworkCore().UseDbContext<IdentityDbContext>())
            .AddServer(o =>
            {
                if (issuer is { Length: > 0 })
                {
                    o.SetIssuer(new Uri(issuer, UriKind.Absolute));
                }

                o.SetAuthorizationEndpointUris(AuthorizePath)
                    .SetTokenEndpointUris(TokenPath)
                    .SetUserInfoEndpointUris(UserInfoPath)
                    .SetEndSessionEndpointUris(EndSessionPath)
                    .SetIntrospectionEndpointUris("/connect/introspect")
                    .SetRevocationEndpointUris("/connect/revoke")
                    .SetJsonWebKeySetEndpointUris("/.well-known/jwks");
                o.AllowAuthorizationCodeFlow().AllowRefreshTokenFlow().AllowClientCredentialsFlow();
                // PKCE for every authorization request, S256 only ("plain" would give nothing over no PKCE).
                o.RequireProofKeyForCodeExchange();
                o.Configure(x =>
                {
                    x.CodeChallengeMethods.Clear();
                    x.CodeChallengeMethods.Add(CodeChallengeMethods.Sha256);
                });
                o.RegisterScopes([.. OidcScopes.All]);
                o.RegisterClaims(Claims.Subject, Claims.Name, Claims.Birthdate, "age_over_14", "age_over_19", "age_over_65", OidcPrincipals.Agency, OidcPrincipals.Roles);
                o.SetAuthorizationCodeLifetime(OidcLifetimes.AuthorizationCode)
                    .SetAccessTokenLifetime(OidcLifetimes.AccessToken)
                    .SetIdentityTokenLifetime(OidcLifetimes.IdentityToken)
                    .SetRefreshTokenLifetime(OidcLifetimes.RefreshToken);
                o.AddEventHandler(AuditTokenIssue.Descriptor);

                var aspNetCore = o.UseAspNetCore()
                    .EnableAuthorizationEndpointPassthrough()
                    .EnableTokenEndpointPassthrough()
                    .EnableUserInfoEndpointPassthrough()
                    .EnableEndSessionEndpointPassthrough();
                if (allowHttp)
                {
                    aspNetCore.DisableTransportSecurityRequirement();
                }
            })
            .AddValidation(o =>
            {
                o.UseLocalServer();
                // A revoked access token is refused at once, not when it expires.
                o.EnableTokenEntryValidation();
                o.UseAspNetCore();
            });

        // Only requests under /connect and /.well-known reach OpenIddict's own request handling (see OidcRequestGate).
        services.AddScoped<AuthenticationHandlerProvider>();
        services.Replace(ServiceDescriptor.Scoped<IAuthenticationHandlerProvider, OidcRequestGate>());

        services.AddSingleton<OidcKeyRing>();
        services.AddSingleton<IConfigureOptions<OpenIddictServerOptions>, ConfigureOidcKeys>();
        services.AddSingleton<OidcOptionsReset>();
        services.AddHostedService<OidcKeyRefresh>();
        services.AddScoped<IOidcKeyRotation, RotateOidcKeys>();
        services.AddScoped<PairwiseSubjects>();
        services.AddScoped<OidcPrincipals>();
        services.AddScoped<Consents>();
        services.AddScoped<RegisterOidcClient>();
        services.AddScoped<IOidcClientAdministration, OidcClientAdministration>();
        services.AddScoped<IMyDataRecipients, MyDataRecipients>();
        return services;
    }
}
