using Nara.Notifications.Contracts;
using static Nara.Kernel.Localization.Bilingual;

namespace Nara.Identity.Features.Proofing;

/// <summary>
/// Which contact on the resident record receives an enrolment code. The registries do not yet expose
/// contacts, so the default sends an SMS addressed by resident id and lets Notifications find the number.
/// </summary>
internal interface IContactOnRecord
{
    Task<RecordedContact> FindAsync(long residentId, CancellationToken cancellationToken);
}

/// <param name="Channel">"sms" or "email" (<see cref="NotificationChannels"/>).</param>
/// <param name="Description">For the page, in the reader's language.</param>
internal sealed record RecordedContact(string Channel, string Description);

internal sealed class MobileOnResidentRecord : IContactOnRecord
{
    public Task<RecordedContact> FindAsync(long residentId, CancellationToken cancellationToken) =>
        Task.FromResult(new RecordedContact(
            NotificationChannels.Sms,
            L("주민등록에 등록된 휴대전화", "the mobile phone on your resident record")));
}
