using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Nara.Consent.Api;
using Nara.Consent.Contracts;
using Nara.Consent.Data;
using Nara.Consent.Features;
using Nara.Consent.Features.MyData;
using Nara.Consent.Features.Webhooks;
using Nara.Consent.Signing;
using Nara.Kernel.Data;
using Nara.Kernel.Events;
using Nara.Kernel.Modules;

namespace Nara.Consent;

/// <summary>
/// MyData consent (GovStack Consent BB 1.1): policies, data agreements, consent records with hash-chained,
/// signed revisions, withdrawal and the right to be forgotten, the verifier Exchange calls, and the citizen's
/// dashboard at /my/data.
/// </summary>
public sealed class ConsentModule : IModule
{
    public const string ModuleName = "Consent";

    /// <summary>Where the GovStack Consent BB API is served.</summary>
    public const string Prefix = "/govstack/consent";

    public string Name => ModuleName;

    public bool HasPages => true;

    public void AddServices(IServiceCollection services, IConfiguration configuration)
    {
        services.AddModuleDbContext<ConsentDbContext, ConsentSqliteDbContext, ConsentPostgresDbContext>(ModuleName);
        services.AddOptions<ConsentOptions>().Bind(configuration.GetSection(ConsentOptions.Section));
        services.AddSingleton<ConsentSigningKey>();
        services.AddSingleton<ConsentSigner>();

        // Administrators: policies and data agreements.
        services.AddScoped<SavePolicy>();
        services.AddScoped<DeletePolicy>();
        services.AddScoped<SaveDataAgreement>();
        services.AddScoped<DeleteDataAgreement>();
        services.AddScoped<AgreementQueries>();

        // Individuals: give, withdraw, forget; and what they read.
        services.AddScoped<GiveConsent>();
        services.AddScoped<ChangeConsent>();
        services.AddScoped<ForgetIndividual>();
        services.AddScoped<RecordQueries>();
        services.AddScoped<MyConsents>();
        services.AddScoped<MyRegistryData>();

        // Verification: tamper detection, and the seam Exchange uses.
        services.AddScoped<CheckConsentRecord>();
        services.AddSingleton<VerifiedConsents>();
        services.AddScoped<IConsentVerifier, ConsentVerifier>();
        services.AddScoped<SeedConsentDemo>();
        services.AddScoped<RotateSigningKey>();

        // MyData transfer: the citizen's request, the scheduler's step, the recipient's collection.
        services.AddScoped<CreateTransfer>();
        services.AddScoped<WithdrawTransfer>();
        services.AddScoped<RunDueTransfers>();
        services.AddScoped<CollectPackage>();
        services.AddScoped<IMyDataTransferLog, MyDataTransferLog>();

        // Webhooks: configuration, queued from the module's own outbox events, sent by a background worker.
        services.AddScoped<WebhookInputRules>();
        services.AddScoped<SaveWebhook>();
        services.AddScoped<DeliverWebhooks>();
        services.AddScoped<RedeliverWebhook>();
        services.AddScoped<RotateWebhookSecret>();
        services.AddScoped<PingWebhook>();
        services.AddScoped<WebhookQueries>();
        services.AddIntegrationEventHandler<ConsentGiven, QueueWebhookDeliveries>();
        services.AddIntegrationEventHandler<ConsentWithdrawn, QueueWebhookDeliveries>();
        services.AddIntegrationEventHandler<ConsentRecordsForgotten, QueueWebhookDeliveries>();
        services.AddIntegrationEventHandler<DataAgreementChanged, QueueWebhookDeliveries>();
        services.AddHttpClient(DeliverWebhooks.HttpClientName, c => c.Timeout = TimeSpan.FromSeconds(15))
            .ConfigurePrimaryHttpMessageHandler(() => new SocketsHttpHandler { AllowAutoRedirect = false });
        services.AddHostedService<WebhookWorker>();
        var platformAgency = configuration.GetSection(ConsentOptions.Section)[nameof(ConsentOptions.PlatformAgency)] ?? "MOIS";
        ConsentPolicies.Add(services.AddAuthorizationBuilder(), platformAgency);
    }

    public void MapEndpoints(IEndpointRouteBuilder endpoints)
    {
        ConfigEndpoints.Map(endpoints);
        IndividualEndpoints.Map(endpoints);
        VerificationEndpoints.Map(endpoints);
        AuditEndpoints.Map(endpoints);
        WebhookEndpoints.Map(endpoints);
        SigningKeyEndpoints.Map(endpoints);
        MyDataTransferEndpoints.Map(endpoints);
    }

    public async Task SeedAsync(IServiceProvider services, SeedRequest request, CancellationToken cancellationToken)
    {
        await using var scope = services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<SeedConsentDemo>().ExecuteAsync(cancellationToken);
    }
}
