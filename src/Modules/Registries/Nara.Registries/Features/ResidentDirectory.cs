using Microsoft.EntityFrameworkCore;
using Nara.Registries.Contracts;
using Nara.Registries.Data;

namespace Nara.Registries.Features;

/// <summary>
/// Answers other modules' questions about residents with a summary, never the full record. The look-ups are
/// compiled queries: the information mediator asks them on every exchange, and compiling once spares EF Core
/// the expression-tree work each time.
/// </summary>
internal sealed class ResidentDirectory(RegistriesDbContext db) : IResidentDirectory
{
    // Filter first, then project: EF Core cannot translate a filter on a property of a projected record. Written out
    // twice because a compiled query must be one expression (no helper method inside it).
    private static readonly Func<RegistriesDbContext, string, Task<ResidentSummary?>> ByNumber = EF.CompileAsyncQuery(
        (RegistriesDbContext db, string number) =>
            (from r in db.Residents.AsNoTracking()
             where r.ResidentNumber == number
             join a in db.Addresses.AsNoTracking() on r.AddressId equals a.Id
             select (ResidentSummary?)new ResidentSummary(r.Id, r.NameKo, r.NameEn, r.BirthDate, r.Nationality, r.HouseholdId, a.DivisionCode))
            .FirstOrDefault());

    private static readonly Func<RegistriesDbContext, long, Task<ResidentSummary?>> ById = EF.CompileAsyncQuery(
        (RegistriesDbContext db, long id) =>
            (from r in db.Residents.AsNoTracking()
             where r.Id == id
             join a in db.Addresses.AsNoTracking() on r.AddressId equals a.Id
             select (ResidentSummary?)new ResidentSummary(r.Id, r.NameKo, r.NameEn, r.BirthDate, r.Nationality, r.HouseholdId, a.DivisionCode))
            .FirstOrDefault());

    private static readonly Func<RegistriesDbContext, long, Task<ResidentCard?>> CardById = EF.CompileAsyncQuery(
        (RegistriesDbContext db, long id) =>
            (from r in db.Residents.AsNoTracking()
             where r.Id == id
             join a in db.Addresses.AsNoTracking() on r.AddressId equals a.Id
             select (ResidentCard?)new ResidentCard(r.Id, r.NameKo, r.NameEn, r.BirthDate, r.Nationality, a.DivisionCode, a.RoadAddressKo, a.RoadAddressEn, a.PostalCode, r.ResidentNumber))
            .FirstOrDefault());

    public Task<ResidentSummary?> FindByResidentNumberAsync(string residentNumber, CancellationToken cancellationToken) => ByNumber(db, residentNumber);

    public Task<ResidentSummary?> FindByIdAsync(long residentId, CancellationToken cancellationToken) => ById(db, residentId);

    public Task<ResidentCard?> FindCardAsync(long residentId, CancellationToken cancellationToken) => CardById(db, residentId);
}
