using Nara.Kernel.Events;

namespace Nara.Notifications.Contracts;

/// <summary>
/// A send request was accepted and its messages queued. Carries no address, body or personalisation:
/// Audit records who sent what template to how many, never the content.
/// </summary>
/// <param name="ClientId">The agency client, or "module" for messages Nara's modules asked for.</param>
/// <param name="Channels">Space-separated channels the messages go out on.</param>
/// <param name="Test">Sent with a test client: delivery is simulated.</param>
public sealed record NotificationAccepted(
    Guid RequestId,
    string ClientId,
    string? Agency,
    string TemplateId,
    int TemplateVersion,
    string Kind,
    int MessageCount,
    string Channels,
    bool Test) : IIntegrationEvent;

/// <summary>A message reached its final status (delivered, or one of the failures). No address or body.</summary>
/// <param name="AccountId">The recipient's account, when known, so "who contacted me" can be answered.</param>
/// <param name="Reason">Why it failed, in words safe to show the sender.</param>
public sealed record NotificationCompleted(
    Guid MessageId,
    Guid RequestId,
    string ClientId,
    string? Reference,
    string Channel,
    string TemplateId,
    int TemplateVersion,
    string Kind,
    Guid? AccountId,
    string Status,
    string? Reason,
    int Attempts,
    DateTimeOffset CreatedAt,
    DateTimeOffset? SentAt,
    DateTimeOffset CompletedAt,
    bool Test) : IIntegrationEvent;

/// <summary>A template version was saved by an official or an agency system.</summary>
/// <param name="SavedBy">"official:{account}" or "client:{clientId}".</param>
public sealed record NotificationTemplateSaved(
    string TemplateId,
    int Version,
    string Agency,
    string ActorKind,
    string ActorId) : IIntegrationEvent;
