using Microsoft.EntityFrameworkCore;
using Nara.Consent.Api;
using Nara.Consent.Contracts;
using Nara.Consent.Data;
using Nara.Consent.Domain;

namespace Nara.Consent.Features;

internal sealed record PolicyInput(
    string? Name, string? Url, string? Jurisdiction, string? IndustrySector, int? DataRetentionPeriodDays,
    string? GeographicRestriction, string? StorageLocation, bool? ThirdPartyDataSharing = null);

/// <summary>Creates a policy or writes its next version; each is a new revision in the policy's chain.</summary>
internal sealed class SavePolicy(ConsentDbContext db, TimeProvider clock)
{
    public async Task<Outcome<(Policy Policy, Revision Revision)>> ExecuteAsync(Guid? id, PolicyInput? input, ConsentActor actor, string? administeredAgency, CancellationToken ct)
    {
        var errors = Validate(input);
        if (errors.Count > 0)
        {
            return Outcome<(Policy, Revision)>.Invalid(errors);
        }

        var now = ConsentTime.Now(clock);
        Policy policy;
        Revision? previous = null;
        if (id is { } existing)
        {
            var found = await db.Policies.FirstOrDefaultAsync(p => p.Id == existing && !p.Deleted, ct);
            if (found is null)
            {
                return Outcome<(Policy, Revision)>.NotFound($"No policy {existing}.");
            }

            if (administeredAgency is not null && found.Owner != administeredAgency)
            {
                return Outcome<(Policy, Revision)>.Forbidden("The policy belongs to another agency.");
            }

            policy = found;
            previous = await db.Revisions.Where(r => r.ObjectId == existing).OrderByDescending(r => r.Sequence).FirstAsync(ct);
        }
        else
        {
            policy = new Policy { Id = Guid.NewGuid(), Name = "", Url = "", Owner = actor.Agency ?? "" };
            db.Policies.Add(policy);
        }

        policy.Name = input!.Name!.Trim();
        policy.Url = input.Url!.Trim();
        policy.Jurisdiction = string.IsNullOrWhiteSpace(input.Jurisdiction) ? "KR" : input.Jurisdiction.Trim();
        policy.IndustrySector = input.IndustrySector?.Trim();
        policy.DataRetentionPeriodDays = input.DataRetentionPeriodDays ?? 0;
        policy.GeographicRestriction = input.GeographicRestriction?.Trim();
        policy.StorageLocation = input.StorageLocation?.Trim();
        policy.ThirdPartyDataSharing = input.ThirdPartyDataSharing ?? false;
        policy.Version++;
        policy.UpdatedAt = now;
        var revision = RevisionChain.Next(SchemaNames.Policy, policy.Id, previous, PolicyShape.Of(policy), now, null, $"{actor.Kind}:{actor.Id}");
        db.Revisions.Add(revision);
        db.Publish(new ConsentPolicyChanged(policy.Id, policy.Version, previous is null ? "created" : "updated", revision.SerializedHash, actor, now), now);
        await db.SaveChangesAsync(ct);
        return Outcome<(Policy, Revision)>.Ok((policy, revision));
    }

    private static Dictionary<string, string[]> Validate(PolicyInput? input)
    {
        var errors = new Dictionary<string, string[]>();
        if (input is null)
        {
            errors["body"] = ["A policy object is required."];
            return errors;
        }

        if (string.IsNullOrWhiteSpace(input.Name) || input.Name.Length > 200)
        {
            errors["name"] = ["Required, at most 200 characters."];
        }

        if (!Uri.TryCreate(input.Url, UriKind.Absolute, out var url) || url.Scheme is not ("https" or "http") || input.Url!.Length > 500)
        {
            errors["url"] = ["An absolute http(s) URL of the policy text is required."];
        }

        if (input.DataRetentionPeriodDays is < 0 or > 36_500)
        {
            errors["dataRetentionPeriodDays"] = ["Between 0 and 36500 days."];
        }

        foreach (var (field, value) in new[] { ("jurisdiction", input.Jurisdiction), ("industrySector", input.IndustrySector), ("geographicRestriction", input.GeographicRestriction), ("storageLocation", input.StorageLocation) })
        {
            if (value is { Length: > 100 })
            {
                errors[field] = ["At most 100 characters."];
            }
        }

        return errors;
    }
}
