using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using Nara.Exchange.Contracts;
using Nara.Exchange.Domain;
using Nara.Notifications.Contracts;

namespace Nara.Exchange.Features.Mediation;

/// <summary>
/// Ends every mediation: records it (time, client, service, acting official, case, purpose, consent, subject,
/// attributes, outcome — never the payload), waits until the record is durable, and only then lets the answer
/// go. A subject who opted in is told about each successful access.
/// </summary>
internal sealed class AccessLog(AccessLogWriter writer, AlertSubscribers subscribers, TimeProvider clock)
{
    public async Task<MediationOutcome> AllowedAsync(MediationContext c, SignedAnswer answer)
    {
        var record = Record(c, ExchangeOutcomes.Success, null, answer.Status);
        var alert = c.SubjectResidentId is { } subject && await AlertsOnAsync(subject) ? Alert(c, record) : null;
        await writer.WriteAsync(new AccessLogItem(record, Event(record), alert));
        return new MediationOutcome(c.ExchangeId, c.MessageId, c.RequestHash, answer.Status, null, null, answer.Data, answer.Body, answer.ContentType, answer.Signature);
    }

    public async Task<MediationOutcome> RefusedAsync(MediationContext c, Refusal refusal)
    {
        var outcome = refusal.Reason is ExchangeRefusals.ProviderTimeout or ExchangeRefusals.ProviderError ? ExchangeOutcomes.Failed : ExchangeOutcomes.Refused;
        var record = Record(c, outcome, refusal.Reason, refusal.Status);
        await writer.WriteAsync(new AccessLogItem(record, Event(record), null));
        var problem = JsonSerializer.SerializeToUtf8Bytes(new Dictionary<string, object>
        {
            ["type"] = ExchangeRefusals.ProblemBase + refusal.Reason,
            ["title"] = refusal.Reason,
            ["status"] = refusal.Status,
            ["detail"] = refusal.Detail,
            ["exchangeId"] = c.ExchangeId,
        });
        return new MediationOutcome(c.ExchangeId, c.MessageId, c.RequestHash, refusal.Status, refusal.Reason, refusal.Detail, null, problem, "application/problem+json", null);
    }

    private Task<bool> AlertsOnAsync(long residentId) => subscribers.WantsAlertAsync(residentId, CancellationToken.None);

    private ExchangeRecord Record(MediationContext c, string outcome, string? refusal, int status) => new()
    {
        Id = c.ExchangeId,
        Time = clock.GetUtcNow(),
        MessageId = c.MessageId,
        Client = c.Client ?? Bounded(c.Request.ClientHeader, 150),
        ClientAgency = c.ClientAgency,
        Service = Bounded(c.Request.ServiceId, 300)!,
        UserId = Bounded(c.Request.UserId, 200),
        UserRole = Bounded(c.Request.UserRole, 100),
        Issue = Bounded(c.Request.Issue, 200),
        Purpose = Bounded(c.Request.Purpose, 100),
        ConsentRecordId = c.ConsentRecordId,
        SubjectResidentId = c.SubjectResidentId,
        Attributes = Bounded(string.Join(' ', c.Attributes.Count > 0 ? c.Attributes : c.Request.Attributes), 1000)!,
        Outcome = outcome,
        Refusal = refusal,
        Status = status,
        RequestHash = c.RequestHash,
        DurationMs = (int)Stopwatch.GetElapsedTime(c.StartedAt).TotalMilliseconds,
    };

    private static DataExchanged Event(ExchangeRecord r) => new(
        r.Id, r.MessageId, r.Client, r.ClientAgency, r.Service, r.UserId, r.Issue, r.Purpose, r.ConsentRecordId,
        r.SubjectResidentId, r.Attributes.Split(' ', StringSplitOptions.RemoveEmptyEntries), r.Outcome, r.Refusal, r.Status, r.RequestHash, r.Time, r.UserRole);

    private static NotificationRequested Alert(MediationContext c, ExchangeRecord r)
    {
        var who = c.ClientAgency ?? c.Client ?? "?";
        var service = c.Service!;
        var content = $"{who} 기관이 '{service.NameKo}' 정보를 받았습니다 (목적: {r.Purpose}). 자세한 내용: /my/data/access\n\n"
            + $"{who} received your data from '{service.NameEn}' (purpose: {r.Purpose}). Details: /my/data/access";
        return new NotificationRequested(
            "govstack.email",
            new NotificationRecipient(ResidentId: c.SubjectResidentId!.Value.ToString(CultureInfo.InvariantCulture)),
            new Dictionary<string, string> { ["title"] = "내 정보가 제공되었습니다 (Your data was shared)", ["content"] = content },
            NotificationKinds.General,
            $"exchange:access:{r.Id:N}");
    }

    private static string? Bounded(string? value, int max) => value is null ? null : value.Length <= max ? value : value[..max];
}
