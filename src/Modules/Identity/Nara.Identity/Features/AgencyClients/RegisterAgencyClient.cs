using Microsoft.EntityFrameworkCore;
using Nara.Identity.Contracts;
using Nara.Identity.Data;
using Nara.Identity.Domain;

namespace Nara.Identity.Features.AgencyClients;

/// <summary>Creates an agency client and hands back its key once; only the key's hash is kept.</summary>
internal sealed class RegisterAgencyClient(IdentityDbContext db, TimeProvider clock)
{
    public async Task<AgencyClientRegistration> ExecuteAsync(NewAgencyClient request, CancellationToken cancellationToken)
    {
        var error = Validate(request);
        if (error is not null)
        {
            return new AgencyClientRegistration(null, error);
        }

        if (await db.AgencyClients.AnyAsync(c => c.Id == request.Id, cancellationToken))
        {
            return new AgencyClientRegistration(null, $"A client with id '{request.Id}' already exists.");
        }

        var (key, prefix, hash) = ApiKeys.Generate();
        db.AgencyClients.Add(new AgencyClient
        {
            Id = request.Id,
            AgencyCode = request.AgencyCode,
            Name = request.Name.Trim(),
            KeyPrefix = prefix,
            KeyHash = hash,
            Scopes = string.Join(' ', request.Scopes.Distinct(StringComparer.Ordinal)),
            CreatedAt = clock.GetUtcNow(),
        });
        db.Publish(new AgencyClientRegistered(request.Id, request.AgencyCode, string.Join(' ', request.Scopes.Distinct(StringComparer.Ordinal))), clock.GetUtcNow());
        await db.SaveChangesAsync(cancellationToken);
        return new AgencyClientRegistration(key, null);
    }

    private static string? Validate(NewAgencyClient request)
    {
        if (request.Id is not { Length: <= 200 } || !AgencyClientScopes.ClientId().IsMatch(request.Id))
        {
            return "The client id must look like INSTANCE/CLASS/MEMBER/SUBSYSTEM, e.g. KR/GOV/NHIS/benefits.";
        }

        if (request.AgencyCode is null || !AgencyClientScopes.AgencyCode().IsMatch(request.AgencyCode))
        {
            return "The agency code must be 2 to 20 letters or digits, e.g. NHIS or LG1111000000.";
        }

        if (string.IsNullOrWhiteSpace(request.Name) || request.Name.Length > 200)
        {
            return "The client needs a name of at most 200 characters.";
        }

        if (request.Scopes.Count == 0)
        {
            return "The client needs at least one scope, e.g. registries:residents:read.";
        }

        var bad = request.Scopes.FirstOrDefault(s => !AgencyClientScopes.Scope().IsMatch(s));
        if (bad is not null)
        {
            return $"'{bad}' is not a scope; scopes look like registries:residents:read or registries:*:write.";
        }

        return string.Join(' ', request.Scopes).Length > 2000 ? "Too many scopes." : null;
    }
}
