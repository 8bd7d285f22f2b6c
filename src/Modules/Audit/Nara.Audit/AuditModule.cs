using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Nara.Audit.Api;
using Nara.Audit.Contracts;
using Nara.Audit.Data;
using Nara.Audit.Features;
using Nara.Audit.Merkle;
using Nara.Identity.Contracts;
using Nara.Audit.Signing;
using Nara.Consent.Contracts;
using Nara.Credentials.Contracts;
using Nara.Exchange.Contracts;
using Nara.Kernel.Data;
using Nara.Eligibility.Contracts;
using Nara.Kernel.Events;
using Nara.Kernel.Modules;
using Nara.Notifications.Contracts;
using Nara.Registries.Contracts;
using Nara.Services.Contracts;

namespace Nara.Audit;

/// <summary>
/// The tamper-evident log every module writes to: an RFC 6962 Merkle tree over append-only entries,
/// signed tree heads copied to a witness directory, public proofs, a verifier and the auditors' search.
/// </summary>
public sealed class AuditModule : IModule
{
    public const string ModuleName = "Audit";

    public string Name => ModuleName;

    public bool HasPages => true;

    public void AddServices(IServiceCollection services, IConfiguration configuration)
    {
        services.AddModuleDbContext<AuditDbContext, AuditSqliteDbContext, AuditPostgresDbContext>(ModuleName);
        services.AddOptions<AuditOptions>().Bind(configuration.GetSection(AuditOptions.Section));
        services.AddSingleton<AuditSigningKey>();
        services.AddSingleton<WitnessStore>();
        services.AddSingleton<TreeHeadSignal>();
        services.AddSingleton<AppendPipeline>();
        services.AddSingleton<IAuditLog, AppendAuditEntry>();
        services.AddScoped<SignTreeHead>();
        services.AddScoped<SigningKeyHistory>();
        services.AddScoped<RotateSigningKey>();
        services.AddSingleton<SubtreeCache>();
        services.AddScoped<ProveInclusion>();
        services.AddScoped<IAuditEvidence, ProvideEvidence>();
        services.AddScoped<ProveConsistency>();
        services.AddScoped<VerifyAuditLog>();
        services.AddScoped<SearchAuditLog>();
        services.AddHostedService<TreeHeadJob>();
        services.AddIntegrationEventHandler<RegistryRecordChanged, RecordRegistryChange>();
        services.AddIntegrationEventHandler<RegistryRecordsRead, RecordRegistryRead>();
        services.AddIntegrationEventHandler<ResidentRecordViewed, RecordResidentView>();
        services.AddIntegrationEventHandler<AccountSignedIn, RecordSignIn>();
        services.AddIntegrationEventHandler<AgencyClientRegistered, RecordAgencyClientChange>();
        services.AddIntegrationEventHandler<AgencyClientRevoked, RecordAgencyClientChange>();
        services.AddIntegrationEventHandler<NotificationAccepted, RecordNotification>();
        services.AddIntegrationEventHandler<NotificationCompleted, RecordNotification>();
        services.AddIntegrationEventHandler<NotificationTemplateSaved, RecordNotification>();
        services.AddIntegrationEventHandler<ProactiveMatchingChanged, RecordProactiveMatching>();
        services.AddIntegrationEventHandler<WhatIfEvaluated, RecordWhatIf>();
        services.AddIntegrationEventHandler<OidcTokenIssued, RecordTokenIssue>();
        services.AddIntegrationEventHandler<OidcClientRegistered, RecordOidcChange>();
        services.AddIntegrationEventHandler<OidcClientRemoved, RecordOidcChange>();
        services.AddIntegrationEventHandler<OidcKeysRotated, RecordOidcChange>();
        services.AddIntegrationEventHandler<AccountEnrolled, RecordEnrolment>();
        services.AddIntegrationEventHandler<IdentityProofingFailed, RecordEnrolment>();
        services.AddIntegrationEventHandler<PasskeyRegistered, RecordPasskeyChange>();
        services.AddIntegrationEventHandler<PasskeyRenamed, RecordPasskeyChange>();
        services.AddIntegrationEventHandler<PasskeyRemoved, RecordPasskeyChange>();
        services.AddIntegrationEventHandler<OfficialAccountChanged, RecordOfficialAccountChange>();
        services.AddIntegrationEventHandler<NotificationPreferencesChanged, RecordNotificationPreferences>();
        services.AddIntegrationEventHandler<ApplicationSubmitted, RecordApplication>();
        services.AddIntegrationEventHandler<CaseStatusChanged, RecordApplication>();
        services.AddIntegrationEventHandler<ApplicationDecided, RecordApplication>();
        services.AddIntegrationEventHandler<ApplicationPrefilled, RecordApplicationPrefill>();
        services.AddIntegrationEventHandler<ConsentGiven, RecordConsentChange>();
        services.AddIntegrationEventHandler<ConsentWithdrawn, RecordConsentChange>();
        services.AddIntegrationEventHandler<ConsentRecordsForgotten, RecordConsentChange>();
        services.AddIntegrationEventHandler<DataAgreementChanged, RecordConsentChange>();
        services.AddIntegrationEventHandler<ConsentPolicyChanged, RecordConsentChange>();
        services.AddIntegrationEventHandler<ConsentWebhookChanged, RecordConsentChange>();
        services.AddIntegrationEventHandler<ConsentSigningKeyRotated, RecordConsentChange>();
        services.AddIntegrationEventHandler<CredentialIssued, RecordCredentialChange>();
        services.AddIntegrationEventHandler<CredentialStatusChanged, RecordCredentialChange>();
        services.AddIntegrationEventHandler<CredentialOfferCreated, RecordCredentialChange>();
        services.AddIntegrationEventHandler<WalletCredentialAdded, RecordCredentialChange>();
        services.AddIntegrationEventHandler<WalletCredentialRemoved, RecordCredentialChange>();
        services.AddIntegrationEventHandler<CredentialIssuerKeyRotated, RecordCredentialChange>();
        services.AddIntegrationEventHandler<CredentialStatusListPublished, RecordCredentialChange>();
        services.AddIntegrationEventHandler<CredentialsSearchedByResident, RecordCredentialChange>();
        services.AddIntegrationEventHandler<MyDataTransferred, RecordConsentChange>();
        services.AddIntegrationEventHandler<DataExchanged, RecordDataExchange>();
        services.AddIntegrationEventHandler<DataAccessAlertsChanged, RecordDataExchange>();
        services.AddIntegrationEventHandler<ExchangeConfigurationChanged, RecordDataExchange>();
    }

    public void MapEndpoints(IEndpointRouteBuilder endpoints) => AuditEndpoints.Map(endpoints);
}
