using Microsoft.Extensions.Options;
using Nara.Exchange.Contracts;
using Nara.Exchange.Data;
using Nara.Exchange.Domain;
using Nara.Exchange.Features.Mediation;
using Nara.Exchange.Providers;

namespace Nara.Exchange.Features.Administration;

internal sealed record ServiceInput(
    string? Code,
    string? NameKo,
    string? NameEn,
    string? Provider,
    string? ProviderUrl,
    int? TimeoutMs,
    IReadOnlyList<string>? Attributes,
    IReadOnlyList<string>? Purposes,
    Guid? DataAgreementId,
    bool? Enabled);

/// <summary>
/// Registers or changes a service of a subsystem: which provider answers it, what it may release, for which
/// purposes, under which data agreement (then every request needs the subject's consent), and whether it is on.
/// </summary>
internal sealed class SaveService(ExchangeDbContext db, ExchangeDirectory directory, IEnumerable<IExchangeProvider> providers, IOptions<ExchangeOptions> options, TimeProvider clock)
{
    public async Task<AdminResult> ExecuteAsync(ExchangeAdministrator admin, string subsystemId, ServiceInput input, CancellationToken ct)
    {
        var subsystem = await db.Subsystems.FindAsync([subsystemId], ct);
        var member = subsystem is null ? null : await db.Members.FindAsync([subsystem.MemberId], ct);
        if (subsystem is null || member is null)
        {
            return AdminResult.Missing("No such subsystem.");
        }

        if (!admin.MayManage(member.AgencyCode))
        {
            return AdminResult.Denied;
        }

        if (Validate(input) is { } invalid)
        {
            return invalid;
        }

        var id = $"{subsystem.Id}/{input.Code}";
        var now = clock.GetUtcNow();
        var service = await db.Services.FindAsync([id], ct);
        if (service is null)
        {
            service = new ExchangeService { Id = id, SubsystemId = subsystem.Id, Code = input.Code!, NameKo = "", NameEn = "", Provider = "", Attributes = "", Purposes = "" };
            db.Services.Add(service);
        }

        service.NameKo = input.NameKo!.Trim();
        service.NameEn = input.NameEn!.Trim();
        service.Provider = input.Provider!;
        service.ProviderUrl = input.Provider == ProviderKinds.Http ? input.ProviderUrl : null;
        service.TimeoutMs = input.TimeoutMs ?? options.Value.MaxProviderTimeoutMs;
        service.Attributes = string.Join(' ', input.Attributes!.Distinct(StringComparer.Ordinal));
        service.Purposes = string.Join(' ', input.Purposes!.Distinct(StringComparer.Ordinal));
        service.DataAgreementId = input.DataAgreementId;
        service.Enabled = input.Enabled ?? true;
        service.UpdatedAt = now;
        db.Publish(new ExchangeConfigurationChanged("service", id, "saved", admin.AccountId, admin.Agency, now), now);
        await db.SaveChangesAsync(ct);
        directory.Invalidate();
        return AdminResult.Done(id);
    }

    private AdminResult? Validate(ServiceInput input)
    {
        if (input.Code is null || !Identifiers.Code().IsMatch(input.Code))
        {
            return AdminResult.Invalid("code", "The service code must be 1 to 50 letters, digits, dots, dashes or underscores.");
        }

        if ((Identifiers.Name(input.NameKo, "nameKo") ?? Identifiers.Name(input.NameEn, "nameEn")) is { } nameError)
        {
            return AdminResult.Invalid(nameError.StartsWith("nameKo", StringComparison.Ordinal) ? "nameKo" : "nameEn", nameError);
        }

        var provider = providers.FirstOrDefault(p => p.Kind == input.Provider);
        if (provider is null)
        {
            return AdminResult.Invalid("provider", $"The provider must be one of {string.Join(", ", ProviderKinds.All)}.");
        }

        if (provider.Kind == ProviderKinds.Http
            && (!Uri.TryCreate(input.ProviderUrl, UriKind.Absolute, out var url) || url.Scheme is not ("http" or "https") || input.ProviderUrl!.Length > 500))
        {
            return AdminResult.Invalid("providerUrl", "An HTTP provider needs the absolute http(s) address of the agency API.");
        }

        var max = options.Value.MaxProviderTimeoutMs;
        if (input.TimeoutMs is { } timeout && (timeout < 100 || timeout > max))
        {
            return AdminResult.Invalid("timeoutMs", $"The timeout must be between 100 and {max} ms.");
        }

        if (input.Attributes is not { Count: > 0 and <= 50 } attributes || attributes.Any(a => a is null || !Identifiers.Term().IsMatch(a)))
        {
            return AdminResult.Invalid("attributes", "List 1 to 50 attribute names (lower-case letters, digits, dots, dashes).");
        }

        if (provider.KnownAttributes is { } known && attributes.FirstOrDefault(a => !known.Contains(a)) is { } unknown)
        {
            return AdminResult.Invalid("attributes", $"The {provider.Kind} provider cannot answer '{unknown}'; it knows {string.Join(", ", known)}.");
        }

        if (input.Purposes is not { Count: > 0 and <= 20 } purposes || purposes.Any(p => p is null || !Identifiers.Term().IsMatch(p)))
        {
            return AdminResult.Invalid("purposes", "List 1 to 20 purpose codes (lower-case letters, digits, dots, dashes).");
        }

        return null;
    }
}
