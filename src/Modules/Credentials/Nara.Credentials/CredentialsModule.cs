using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Nara.Credentials.Api;
using Nara.Credentials.Certificates;
using Nara.Credentials.Data;
using Nara.Credentials.Features;
using Nara.Credentials.Issuing;
using Nara.Credentials.Oid4vci;
using Nara.Credentials.Oid4vp;
using Nara.Credentials.Wallet;
using Nara.Kernel.Data;
using Nara.Kernel.Events;
using Nara.Kernel.Pdf;
using Nara.Kernel.Modules;
using Nara.Services.Contracts;

namespace Nara.Credentials;

/// <summary>
/// Verifiable e-certificates and the mobile ID as SD-JWT VCs (RFC 9901, typ dc+sd-jwt) signed ES256, with
/// revocation and suspension through a published Token Status List; verification needs no call to the issuer.
/// Consumes Services' ApplicationDecided (decision letters as credentials).
/// </summary>
public sealed class CredentialsModule : IModule
{
    public const string ModuleName = "Credentials";

    public string Name => ModuleName;

    public bool HasPages => true;

    public void AddServices(IServiceCollection services, IConfiguration configuration)
    {
        services.AddModuleDbContext<CredentialsDbContext, CredentialsSqliteDbContext, CredentialsPostgresDbContext>(ModuleName);
        services.AddOptions<CredentialsOptions>().Bind(configuration.GetSection(CredentialsOptions.Section));
        services.AddSingleton<IssuerKeyRing>();
        services.AddSingleton<StatusSnapshot>();
        services.AddSingleton<PublishedDigests>();
        services.AddScoped<RecordStatusPublication>();
        services.AddSingleton<StatusIndexes>();
        services.AddSingleton<IssuanceWriter>();
        services.AddScoped<StatusLists>();
        services.AddScoped<IStatusLists>(sp => sp.GetRequiredService<StatusLists>());
        services.AddScoped<CredentialMinter>();
        services.AddScoped<IssueResidentId>();
        services.AddScoped<IssueCertificate>();
        services.AddScoped<IssueDecisionLetter>();
        services.AddScoped<ChangeCredentialStatus>();
        services.AddScoped<SuspendAllCredentials>();
        services.AddScoped<FindCredential>();
        services.AddScoped<FindCredentialsOfResident>();
        services.AddScoped<RotateIssuerKey>();
        services.AddIntegrationEventHandler<ApplicationDecided, RecordDecisionLetter>();
        CredentialsPolicies.Add(services.AddAuthorizationBuilder(),
            configuration.GetSection(CredentialsOptions.Section)[nameof(CredentialsOptions.PlatformAgency)] ?? "MOIS");
        services.AddScoped<VerifyPresentation>();
        services.AddScoped<IOfferableCredential, OfferableResidentId>();
        foreach (var type in OfferableCertificate.Types)
        {
            services.AddScoped<IOfferableCredential>(sp => ActivatorUtilities.CreateInstance<OfferableCertificate>(sp, type));
        }
        services.AddScoped<IOfferableCredential, OfferableDecisionLetter>();
        services.AddScoped<OfferableCredentials>();
        services.AddScoped<CreateCredentialOffer>();
        services.AddScoped<ReadCredentialOffer>();
        services.AddScoped<RedeemPreAuthorizedCode>();
        services.AddScoped<IssueNonce>();
        services.AddScoped<IssueCredentialToWallet>();
        services.AddScoped<CreatePresentationRequest>();
        services.AddScoped<ServePresentationRequest>();
        services.AddScoped<AnswerPresentationRequest>();
        services.AddScoped<ReadPresentationResult>();
        services.AddCredentialRateLimits();

        // The citizen's web wallet: holder keys and credentials sealed with the host's Data Protection key ring.
        services.AddSingleton<WalletVault>();
        services.AddScoped<AddToWallet>();
        services.AddScoped<IssueResidentIdToWallet>();
        services.AddScoped<IssueCertificateToWallet>();
        services.AddScoped<IssueDecisionLetterToWallet>();
        services.AddScoped<AnswerVerifierFromWallet>();
        services.AddSingleton<TrustedVerifiers>();
        // The wallet fetches request objects and posts answers to URLs a citizen brought: no redirects, short timeout,
        // and only to public addresses, checked on the address actually connected to (VerifierAddresses).
        services.AddHttpClient(AnswerVerifierFromWallet.HttpClientName, c => c.Timeout = TimeSpan.FromSeconds(5))
            .ConfigurePrimaryHttpMessageHandler(sp => new System.Net.Http.SocketsHttpHandler
            {
                AllowAutoRedirect = false,
                UseProxy = false, // a proxy would connect for us, to addresses this check never saw
                ConnectCallback = VerifierAddresses.ConnectCallback(VerifierRequests.LoopbackAllowed(sp.GetRequiredService<IHostEnvironment>())),
            });
        services.AddScoped<WalletQueries>();
        services.AddScoped<PresentFromWallet>();
        services.AddScoped<RemoveFromWallet>();

        // Printable certificates: the one Korean PDF font of the host (shared with Services' letters; Nara:Pdf:FontPath or the system's).
        services.AddKoreanFonts(configuration);
        services.AddScoped<PrintCertificate>();
    }

    public void MapEndpoints(IEndpointRouteBuilder endpoints)
    {
        IssuerEndpoints.Map(endpoints);
        StatusEndpoints.Map(endpoints);
        VerifyEndpoints.Map(endpoints);
        MyCredentialEndpoints.Map(endpoints);
        Oid4vciEndpoints.Map(endpoints);
        PresentationEndpoints.Map(endpoints);
        WalletEndpoints.Map(endpoints);
        OfficialCredentialEndpoints.Map(endpoints);
    }
}
