using System.Diagnostics;
using System.Text.RegularExpressions;
using Nara.Consent.Contracts;
using Nara.Exchange.Contracts;
using Nara.Exchange.Domain;
using Nara.Exchange.Providers;
using Nara.Registries.Contracts;

namespace Nara.Exchange.Features.Mediation;

/// <summary>
/// The information mediator's one use case: check who asks (client header against the authenticated client),
/// for what (a registered, enabled service the client holds an access right to), why (a purpose the service
/// accepts) and under which consent (verified by Consent when the service has a data agreement); only then
/// call the provider, sign the answer with the request hash, and log the exchange — refused ones too.
/// </summary>
internal sealed partial class Mediate(
    ExchangeDirectory directory,
    IEnumerable<IExchangeProvider> providers,
    IConsentVerifier consents,
    IResidentDirectory residents,
    ResponseSigner signer,
    AccessLog log,
    TimeProvider clock)
{
    /// <summary>Scope an agency client needs to call the mediator at all (access rights then decide per service).</summary>
    public const string Scope = "exchange:request";

    public async Task<MediationOutcome> ExecuteAsync(MediationRequest request, CancellationToken cancellationToken)
    {
        var started = Stopwatch.GetTimestamp();
        var context = new MediationContext(request, Guid.CreateVersion7(clock.GetUtcNow()), request.Hash(), started);
        if (await CheckAsync(context, cancellationToken) is { } refusal)
        {
            return await log.RefusedAsync(context, refusal);
        }

        var provider = providers.First(p => p.Kind == context.Service!.Provider);
        ProviderAnswer answer;
        try
        {
            answer = await provider.AnswerAsync(new ProviderCall(
                context.Service!, context.SubjectResidentId, context.Attributes, request.Method, request.ProviderPath,
                request.Body, request.ContentType, ForwardedHeaders(context), context.Subject), cancellationToken);
        }
        catch (ProviderTimeoutException ex)
        {
            return await log.RefusedAsync(context, new Refusal(504, ExchangeRefusals.ProviderTimeout, ex.Message));
        }
        catch (ProviderFailedException ex)
        {
            return await log.RefusedAsync(context, new Refusal(502, ExchangeRefusals.ProviderError, ex.Message));
        }

        if (answer == ProviderAnswer.NoSubject)
        {
            return await log.RefusedAsync(context, new Refusal(404, ExchangeRefusals.UnknownSubject, "The registries hold no record of the data subject."));
        }

        return await log.AllowedAsync(context, signer.Sign(context, answer));
    }

    private async Task<Refusal?> CheckAsync(MediationContext c, CancellationToken ct)
    {
        var r = c.Request;
        if (r.AuthenticatedClient is null)
        {
            return new Refusal(401, ExchangeRefusals.Unauthenticated, "Authenticate with an OAuth access token (client credentials) or an agency API key.");
        }

        await ResolveSubjectAsync(c, ct);
        if (string.IsNullOrWhiteSpace(r.ClientHeader))
        {
            return new Refusal(400, ExchangeRefusals.MissingClient, "X-Road-Client is required: INSTANCE/CLASS/MEMBER/SUBSYSTEM.");
        }

        if (!string.Equals(r.ClientHeader, r.AuthenticatedClient, StringComparison.Ordinal))
        {
            return new Refusal(403, ExchangeRefusals.ForgedClient, "X-Road-Client names another client than the one that authenticated.");
        }

        c.Client = r.AuthenticatedClient;
        c.ClientAgency = r.AuthenticatedAgency;
        if (!r.Scopes.Contains(Scope) && !r.Scopes.Contains("exchange:*"))
        {
            return new Refusal(403, ExchangeRefusals.AccessDenied, $"The client lacks the scope '{Scope}'.");
        }

        if (r.MessageId is { } id && (id.Length > 100 || !Guid.TryParse(id, out _)))
        {
            return new Refusal(400, ExchangeRefusals.BadRequest, "X-Road-Id must be a UUID.");
        }

        var snapshot = await directory.CurrentAsync(ct);
        if (!snapshot.Services.TryGetValue(r.ServiceId, out var service))
        {
            return new Refusal(404, ExchangeRefusals.UnknownService, "No such service is registered with the mediator.");
        }

        c.Service = service;
        if (!service.Enabled)
        {
            return new Refusal(503, ExchangeRefusals.ServiceDisabled, "The service is switched off by its provider.");
        }

        if (!snapshot.Allows(service.Id, c.Client))
        {
            return new Refusal(403, ExchangeRefusals.AccessDenied, "The client holds no access right to this service.");
        }

        if (snapshot.Subsystems.TryGetValue(c.Client, out var memberAgency) && memberAgency is not null)
        {
            c.ClientAgency = memberAgency;
        }

        if (r.InProcess && r.OnBehalfOf is { Length: > 0 } recipient)
        {
            // The portal forwards the data into an application for this agency: it is the recipient the subject consented to.
            c.ClientAgency = recipient;
        }

        if (string.IsNullOrWhiteSpace(r.Purpose))
        {
            return new Refusal(400, ExchangeRefusals.MissingPurpose, "X-Nara-Purpose is required: every exchange names why the data is needed.");
        }

        if (!service.PurposeList.Contains(r.Purpose, StringComparer.Ordinal))
        {
            return new Refusal(403, ExchangeRefusals.PurposeNotAllowed, $"The service is offered for these purposes only: {service.Purposes}.");
        }

        var offered = service.AttributeList;
        var outside = r.Attributes.FirstOrDefault(a => !offered.Contains(a, StringComparer.Ordinal));
        if (outside is not null)
        {
            return new Refusal(400, ExchangeRefusals.AttributeNotOffered, $"The service does not offer the attribute '{Truncate(outside)}'.");
        }

        c.Attributes = r.Attributes.Count > 0 ? [.. r.Attributes.Distinct(StringComparer.Ordinal)] : offered;
        return CheckSubject(c, service) ?? await CheckConsentAsync(c, service, ct);
    }

    /// <summary>
    /// Finds the data subject first, refusing nothing: a refused attempt on someone's data is theirs to see too.
    /// Whether the subject is missing or unknown is only answered after authorisation, so it tells an
    /// unauthorised caller nothing.
    /// </summary>
    private async Task ResolveSubjectAsync(MediationContext c, CancellationToken ct)
    {
        var r = c.Request;
        if (r.SubjectResidentId is { } id)
        {
            c.SubjectResidentId = id;
            return;
        }

        if (r.Subject is not null && ResidentNumber().Match(r.Subject) is { Success: true } digits)
        {
            c.Subject = await residents.FindByResidentNumberAsync($"{digits.Groups[1].Value}-{digits.Groups[2].Value}", ct);
            c.SubjectResidentId = c.Subject?.Id;
        }
    }

    private Refusal? CheckSubject(MediationContext c, ExchangeService service)
    {
        var r = c.Request;
        if (c.SubjectResidentId is not null)
        {
            return null;
        }

        if (string.IsNullOrWhiteSpace(r.Subject))
        {
            var needsSubject = providers.First(p => p.Kind == service.Provider).NeedsSubject || service.DataAgreementId is not null;
            return needsSubject ? new Refusal(400, ExchangeRefusals.BadRequest, "X-Nara-Subject is required: the resident registration number of the data subject.") : null;
        }

        return ResidentNumber().IsMatch(r.Subject)
            ? new Refusal(404, ExchangeRefusals.UnknownSubject, "The registries hold no resident with this number.")
            : new Refusal(400, ExchangeRefusals.BadRequest, "X-Nara-Subject must be a resident registration number (13 digits, hyphen optional).");
    }

    private async Task<Refusal?> CheckConsentAsync(MediationContext c, ExchangeService service, CancellationToken ct)
    {
        if (service.DataAgreementId is not { } agreement)
        {
            return null;
        }

        var individual = c.SubjectResidentId!.Value.ToString(System.Globalization.CultureInfo.InvariantCulture);
        Guid consentId;
        if (c.Request.ConsentRecordId is { Length: > 0 } given)
        {
            if (!Guid.TryParse(given, out consentId))
            {
                return new Refusal(400, ExchangeRefusals.BadRequest, "X-Nara-Consent-Id must be a consent record id (UUID).");
            }
        }
        else if (c.Request.InProcess
            && await consents.FindActiveConsentAsync(individual, agreement, ct) is { } active)
        {
            // In-process callers (the portal acting for the signed-in citizen) may rely on the citizen's active consent.
            consentId = active;
        }
        else
        {
            return new Refusal(403, ExchangeRefusals.ConsentRequired, "This service releases data only with the data subject's consent: name it in X-Nara-Consent-Id.");
        }

        c.ConsentRecordId = consentId;
        var verdict = await consents.VerifyAsync(consentId, individual, agreement, c.Request.Purpose!, c.Attributes, c.ClientAgency ?? c.Client!, ct);
        return verdict.Allowed ? null : new Refusal(403, ExchangeRefusals.Consent(verdict.Refusal!), verdict.Detail);
    }

    private static Dictionary<string, string> ForwardedHeaders(MediationContext c)
    {
        var headers = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["X-Road-Client"] = c.Client!,
            ["X-Road-Id"] = c.MessageId,
            ["X-Nara-Purpose"] = c.Request.Purpose!,
            ["X-Road-Request-Hash"] = c.RequestHash,
        };
        if (c.Request.UserId is { } user)
        {
            headers["X-Road-UserId"] = user;
        }

        if (c.Request.UserRole is { } role)
        {
            headers["X-Nara-UserRole"] = role;
        }

        if (c.Request.Issue is { } issue)
        {
            headers["X-Road-Issue"] = issue;
        }

        return headers;
    }

    private static string Truncate(string s) => s.Length <= 60 ? s : s[..60];

    [GeneratedRegex(@"^\s*(\d{6})-?(\d{7})\s*$")]
    private static partial Regex ResidentNumber();
}

/// <summary>A refusal on its way to the client: HTTP status, stable reason, plain sentence.</summary>
internal sealed record Refusal(int Status, string Reason, string Detail);

/// <summary>What one mediation has established so far; the log records whatever is known when it ends.</summary>
internal sealed class MediationContext(MediationRequest request, Guid exchangeId, string requestHash, long startedAt)
{
    public MediationRequest Request { get; } = request;

    public Guid ExchangeId { get; } = exchangeId;

    public string RequestHash { get; } = requestHash;

    public long StartedAt { get; } = startedAt;

    /// <summary>The caller's X-Road-Id, or the exchange id when it sent none (as X-Road does).</summary>
    public string MessageId => Request.MessageId is { Length: > 0 and <= 100 } id ? id : ExchangeId.ToString("D");

    public string? Client { get; set; }

    public string? ClientAgency { get; set; }

    public ExchangeService? Service { get; set; }

    public long? SubjectResidentId { get; set; }

    /// <summary>The subject as the registries answered when the mediator looked them up (null when named by id in-process).</summary>
    public ResidentSummary? Subject { get; set; }

    public Guid? ConsentRecordId { get; set; }

    public IReadOnlyList<string> Attributes { get; set; } = [];
}
