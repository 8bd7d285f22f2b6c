using Microsoft.EntityFrameworkCore;
using Nara.Consent.Api;
using Nara.Consent.Contracts;
using Nara.Consent.Data;
using Nara.Consent.Domain;

namespace Nara.Consent.Features;

/// <summary>
/// Creates a data agreement or writes its next version. Consent already given keeps pointing at the
/// revision it was given to; the verifier checks requests against that revision, not the newest one.
/// </summary>
internal sealed class SaveDataAgreement(ConsentDbContext db, TimeProvider clock)
{
    public async Task<Outcome<(DataAgreement Agreement, Policy? Policy, Revision Revision)>> ExecuteAsync(
        Guid? id, DataAgreementInput? input, ConsentActor actor, string? administeredAgency, CancellationToken ct, Guid? newId = null)
    {
        var errors = DataAgreementRules.Validate(input);
        if (errors.Count > 0)
        {
            return Outcome<(DataAgreement, Policy?, Revision)>.Invalid(errors);
        }

        var controller = input!.Controller ?? new ControllerShape(actor.Agency ?? "", actor.Agency ?? "", null);
        if (administeredAgency is not null && controller.Id != administeredAgency)
        {
            return Outcome<(DataAgreement, Policy?, Revision)>.Invalid("controller", "An agency administrator writes agreements with their own agency as controller.");
        }

        Policy? policy = null;
        if (input.Policy is { } policyId)
        {
            policy = await db.Policies.AsNoTracking().FirstOrDefaultAsync(p => p.Id == Guid.Parse(policyId) && !p.Deleted, ct);
            if (policy is null)
            {
                return Outcome<(DataAgreement, Policy?, Revision)>.Invalid("policy", "No such policy.");
            }
        }

        var now = ConsentTime.Now(clock);
        DataAgreement agreement;
        Revision? previous = null;
        if (id is { } existing)
        {
            var found = await db.DataAgreements.FirstOrDefaultAsync(a => a.Id == existing && !a.Deleted, ct);
            if (found is null)
            {
                return Outcome<(DataAgreement, Policy?, Revision)>.NotFound($"No data agreement {existing}.");
            }

            if (administeredAgency is not null && found.ControllerId != administeredAgency)
            {
                return Outcome<(DataAgreement, Policy?, Revision)>.Forbidden("The data agreement belongs to another agency.");
            }

            agreement = found;
            previous = await db.Revisions.Where(r => r.ObjectId == existing).OrderByDescending(r => r.Sequence).FirstAsync(ct);
        }
        else
        {
            agreement = new DataAgreement { Id = newId ?? Guid.NewGuid(), ControllerId = "", ControllerName = "", Purpose = "", PurposeKo = "", PurposeCode = "", LawfulBasis = "" };
            db.DataAgreements.Add(agreement);
        }

        Apply(agreement, input, controller, policy);
        agreement.Version++;
        agreement.UpdatedAt = now;
        var revision = RevisionChain.Next(SchemaNames.DataAgreement, agreement.Id, previous, DataAgreementShape.Of(agreement, policy), now, null, $"{actor.Kind}:{actor.Id}");
        db.Revisions.Add(revision);
        db.Publish(new DataAgreementChanged(agreement.Id, agreement.Version, agreement.ControllerId, previous is null ? "created" : "updated", revision.SerializedHash, actor, now), now);
        await db.SaveChangesAsync(ct);
        return Outcome<(DataAgreement, Policy?, Revision)>.Ok((agreement, policy, revision));
    }

    private static void Apply(DataAgreement a, DataAgreementInput input, ControllerShape controller, Policy? policy)
    {
        a.ControllerId = controller.Id;
        a.ControllerName = controller.Name;
        a.ControllerUrl = controller.Url;
        a.PolicyId = policy?.Id;
        a.Purpose = input.Purpose!.Trim();
        a.PurposeKo = input.PurposeKo!.Trim();
        a.PurposeCode = input.PurposeCode!;
        a.LawfulBasis = input.LawfulBasis!;
        a.DataUse = input.DataUse ?? "data-source";
        a.Dpia = input.Dpia;
        a.Active = input.Active ?? true;
        a.Forgettable = input.Forgettable ?? false;
        a.Lifecycle = input.Lifecycle ?? DataAgreementLifecycles.Complete;
        a.Delivery = input.Delivery ?? ConsentDelivery.OneTime;
        a.DeliveryIntervalDays = input.DeliveryIntervalDays;
        a.ValidityDays = input.ValidityDays;
        a.RetentionDays = input.RetentionDays ?? 0;
        a.Recipients = [.. input.Recipients!];
        a.Attributes = [.. input.DataAttributes!.Select(x => new DataAttribute(x.Name, x.Description, x.DescriptionKo ?? x.Description, x.Sensitivity, x.Category))];
    }
}
