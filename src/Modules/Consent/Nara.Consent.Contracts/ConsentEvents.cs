using Nara.Kernel.Events;

namespace Nara.Consent.Contracts;

/// <summary>Who changed consent data: a citizen for themselves, an agency client acting for them, or an official.</summary>
/// <param name="Kind">citizen | agency-client | official | system (as <c>Nara.Kernel.Security.ActorKinds</c>).</param>
/// <param name="Id">The account id or client id.</param>
/// <param name="Agency">The agency of an official or a client.</param>
/// <param name="Role">The official's role that allowed the change.</param>
public sealed record ConsentActor(string Kind, string Id, string? Agency = null, string? Role = null);

/// <summary>An individual opted in to a data agreement (a new record, or an opt-in again after a withdrawal).</summary>
/// <param name="IndividualId">The Registries resident id, as digits.</param>
/// <param name="RevisionHash">The head of the record's hash chain after the change.</param>
public sealed record ConsentGiven(
    Guid ConsentRecordId,
    Guid DataAgreementId,
    int DataAgreementVersion,
    string Controller,
    string IndividualId,
    string RevisionHash,
    ConsentActor Actor,
    DateTimeOffset At) : IIntegrationEvent;

/// <summary>An individual withdrew a consent (opt-out); the mediator refuses new requests under it at once.</summary>
public sealed record ConsentWithdrawn(
    Guid ConsentRecordId,
    Guid DataAgreementId,
    string Controller,
    string IndividualId,
    string RevisionHash,
    ConsentActor Actor,
    DateTimeOffset At) : IIntegrationEvent;

/// <summary>Right to be forgotten: the individual's records under forgettable agreements were erased.</summary>
public sealed record ConsentRecordsForgotten(
    string IndividualId,
    int RecordCount,
    IReadOnlyList<Guid> DataAgreementIds,
    ConsentActor Actor,
    DateTimeOffset At) : IIntegrationEvent;

/// <summary>A data agreement was created, changed (new version) or deleted by its controller's administrator.</summary>
/// <param name="Change">created | updated | deleted.</param>
public sealed record DataAgreementChanged(
    Guid DataAgreementId,
    int Version,
    string Controller,
    string Change,
    string RevisionHash,
    ConsentActor Actor,
    DateTimeOffset At) : IIntegrationEvent;

/// <summary>A policy (the legal frame of agreements) was created, changed or deleted.</summary>
public sealed record ConsentPolicyChanged(
    Guid PolicyId,
    int Version,
    string Change,
    string RevisionHash,
    ConsentActor Actor,
    DateTimeOffset At) : IIntegrationEvent;

/// <summary>An organisation's webhook was registered, changed or deleted, its secret rotated or a delivery sent again (never carries a secret).</summary>
/// <param name="Change">created | updated | deleted | secret-rotated | redelivery-requested.</param>
/// <param name="DeliveryId">The delivery sent again, for redelivery-requested.</param>
public sealed record ConsentWebhookChanged(
    Guid WebhookId,
    string Organisation,
    string Change,
    string PayloadUrl,
    IReadOnlyList<string> SubscribedEvents,
    bool Disabled,
    ConsentActor Actor,
    DateTimeOffset At,
    Guid? DeliveryId = null) : IIntegrationEvent;

/// <summary>
/// A MyData recipient collected one period of a citizen's transfer: who (client and organisation), under which
/// consent record, which kinds of data (never the data itself). It is the citizen's access log entry.
/// </summary>
public sealed record MyDataTransferred(
    Guid TransferId,
    Guid PackageId,
    int Sequence,
    string IndividualId,
    string RecipientClientId,
    string RecipientAgency,
    Guid ConsentRecordId,
    Guid DataAgreementId,
    IReadOnlyList<string> Datasets,
    DateTimeOffset At) : IIntegrationEvent;

/// <summary>The consent signing key was rotated: new records are signed with <paramref name="NewKeyId"/>; the old key stays in the ring to verify what it signed.</summary>
public sealed record ConsentSigningKeyRotated(
    string OldKeyId,
    string NewKeyId,
    ConsentActor Actor,
    DateTimeOffset At) : IIntegrationEvent;
