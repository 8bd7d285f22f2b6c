using System.Globalization;
using Nara.Notifications.Contracts;
using Nara.Registries.Contracts;

namespace Nara.Notifications.Preferences;

/// <summary>
/// Without stored preferences: the inbox when there is an account, plus email and SMS for whichever
/// contacts are known; Korean; no quiet hours. A resident id must name a resident in the registries; the
/// contacts on the resident's record are used where the sender gave none.
/// </summary>
internal sealed class DefaultRecipientPreferences(IResidentDirectory residents, IResidentContacts registryContacts) : IRecipientPreferences
{
    public async Task<RecipientPlan> PlanAsync(NotificationRecipient recipient, string kind, string? forcedChannel, string? severity, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(recipient);
        var contacts = new RecipientContacts(recipient.AccountId, Blank(recipient.Email), Blank(recipient.PhoneNumber));
        if (!string.IsNullOrWhiteSpace(recipient.ResidentId))
        {
            if (await FindResidentAsync(recipient.ResidentId, ct) is not { } residentId)
            {
                return new RecipientPlan([], "ko", null, contacts, "The resident is not in the registry.");
            }

            if (contacts.Email is null || contacts.PhoneNumber is null)
            {
                var onRecord = await registryContacts.FindAsync(residentId, ct);
                contacts = contacts with
                {
                    Email = contacts.Email ?? Blank(onRecord?.Email),
                    PhoneNumber = contacts.PhoneNumber ?? Blank(onRecord?.MobilePhone),
                };
            }
        }

        return Plan(contacts, forcedChannel);
    }

    /// <summary>The channels the contacts allow, or just the forced one when its contact is known.</summary>
    public static RecipientPlan Plan(RecipientContacts contacts, string? forcedChannel, string language = "ko", DateTimeOffset? notBefore = null)
    {
        ArgumentNullException.ThrowIfNull(contacts);
        List<string> available = [];
        if (contacts.AccountId is not null)
        {
            available.Add(NotificationChannels.Inbox);
        }

        if (contacts.Email is not null)
        {
            available.Add(NotificationChannels.Email);
        }

        if (contacts.PhoneNumber is not null)
        {
            available.Add(NotificationChannels.Sms);
        }

        if (forcedChannel is not null)
        {
            return available.Contains(forcedChannel)
                ? new RecipientPlan([forcedChannel], language, notBefore, contacts)
                : new RecipientPlan([], language, notBefore, contacts, $"The recipient has no contact for the channel '{forcedChannel}'.");
        }

        return available.Count == 0
            ? new RecipientPlan([], language, notBefore, contacts, "The recipient has no account, email address or mobile number.")
            : new RecipientPlan(available, language, notBefore, contacts);
    }

    private async Task<long?> FindResidentAsync(string residentId, CancellationToken ct)
    {
        var found = long.TryParse(residentId, NumberStyles.None, CultureInfo.InvariantCulture, out var id)
            ? await residents.FindByIdAsync(id, ct)
            : await residents.FindByResidentNumberAsync(residentId, ct);
        return found?.Id;
    }

    private static string? Blank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}
