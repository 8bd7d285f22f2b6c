using Microsoft.EntityFrameworkCore;
using Nara.Consent.Contracts;
using Nara.Consent.Data;
using Nara.Consent.Domain;
using Nara.Identity.Contracts;
using Nara.Kernel.Localization;

namespace Nara.Consent.Features.MyData;

/// <summary>What the citizen asked for on /my/data/transfers.</summary>
internal sealed record TransferRequest(string? Recipient, IReadOnlyList<string>? Datasets, string? Schedule, DateOnly? EndDate);

/// <summary>
/// A citizen sends selected registry data to a registered recipient, once or monthly until an end date. The consent
/// record (under the recipient's <c>mydata-transfer</c> data agreement) and the transfer are written in one
/// transaction: a refusal writes nothing. Errors are plain sentences for the page, in the reader's language.
/// </summary>
internal sealed class CreateTransfer(ConsentDbContext db, GiveConsent give, IMyDataRecipients recipients, TimeProvider clock)
{
    public const string PurposeCode = "mydata-transfer";

    public async Task<(MyDataTransfer? Transfer, string? Error)> ExecuteAsync(string individualId, TransferRequest request, ConsentActor actor, CancellationToken ct)
    {
        var now = ConsentTime.Now(clock);
        var recipient = (await recipients.ListAsync(ct)).FirstOrDefault(r => r.ClientId == request.Recipient);
        if (recipient is null)
        {
            return (null, Bilingual.L("받는 곳을 목록에서 골라 주세요. 등록된 기관에만 보낼 수 있습니다.", "Choose a recipient from the list: data can only be sent to registered organisations."));
        }

        var datasets = (request.Datasets ?? []).Distinct().ToList();
        if (datasets.Count == 0 || datasets.Any(d => !MyDataDatasets.All.Contains(d)))
        {
            return (null, Bilingual.L("보낼 정보를 하나 이상 골라 주세요.", "Choose at least one kind of data to send."));
        }

        if (request.Schedule is not (MyDataSchedules.Once or MyDataSchedules.Monthly))
        {
            return (null, Bilingual.L("한 번만 보낼지 매달 보낼지 골라 주세요.", "Choose whether to send once or every month."));
        }

        DateTimeOffset? endsAt = null;
        if (request.Schedule == MyDataSchedules.Monthly)
        {
            var today = Kernel.Time.KoreaTime.ToSeoul(now).Date;
            if (request.EndDate is not { } end || end.ToDateTime(TimeOnly.MinValue) <= today || end.ToDateTime(TimeOnly.MinValue) > today.AddYears(1))
            {
                return (null, Bilingual.L("매달 보내려면 오늘 이후 1년 이내의 종료일을 정해 주세요.", "To send every month, give an end date after today and within a year."));
            }

            endsAt = new DateTimeOffset(end.ToDateTime(new TimeOnly(23, 59, 59)), TimeSpan.FromHours(9)).ToUniversalTime();
        }

        var candidates = await db.DataAgreements.AsNoTracking()
            .Where(a => a.ControllerId == recipient.AgencyCode && a.PurposeCode == PurposeCode && !a.Deleted)
            .ToListAsync(ct);
        var agreement = candidates.FirstOrDefault(a => a.TakesConsent && datasets.All(d => a.Attributes.Any(x => x.Name == d)));
        if (agreement is null)
        {
            return (null, Bilingual.L("이 기관은 고르신 정보를 받는 데 필요한 데이터 이용 동의서를 공개하지 않았습니다.", "This organisation has not published a data agreement covering the data you chose."));
        }

        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var consent = await give.ExecuteAsync(agreement.Id, individualId, actor, ct);
        Guid recordId;
        if (consent.Status == OutcomeStatus.Ok)
        {
            recordId = consent.Value!.Record.Id;
        }
        else if (consent.Status == OutcomeStatus.Conflict
            && await db.ConsentRecords.AsNoTracking().Where(r => r.IndividualId == individualId && r.DataAgreementId == agreement.Id && r.OptIn).Select(r => (Guid?)r.Id).FirstOrDefaultAsync(ct) is { } active)
        {
            recordId = active; // already consented to this recipient's agreement: the new transfer rides on it
        }
        else
        {
            return (null, Bilingual.L("동의를 기록하지 못했습니다. 잠시 후 다시 시도해 주세요.", "Your consent could not be recorded. Please try again in a moment."));
        }

        var transfer = new MyDataTransfer
        {
            Id = Guid.NewGuid(), IndividualId = individualId, RecipientClientId = recipient.ClientId, RecipientName = recipient.DisplayName,
            RecipientAgency = recipient.AgencyCode, Datasets = datasets, Schedule = request.Schedule, EndsAt = endsAt,
            DataAgreementId = agreement.Id, ConsentRecordId = recordId, State = MyDataTransferStates.Active, CreatedAt = now, NextRunAt = now,
        };
        db.MyDataTransfers.Add(transfer);
        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
        return (transfer, null);
    }
}
