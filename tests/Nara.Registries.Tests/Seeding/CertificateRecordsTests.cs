using Microsoft.Extensions.DependencyInjection;
using Nara.Registries.Contracts;
using Nara.Testing;

namespace Nara.Registries.Tests.Seeding;

/// <summary>What <see cref="ICertificateRecords"/> answers about the personas: the records e-certificates state, read both ways where the register is.</summary>
public sealed class CertificateRecordsTests(NaraFactory factory) : IClassFixture<NaraFactory>
{
    private async Task<CertificateRecords?> RecordsAsync(DemoPersona persona, CertificateRecordKinds kinds = CertificateRecordKinds.All)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        var resident = await scope.ServiceProvider.GetRequiredService<IResidentDirectory>().FindByResidentNumberAsync(persona.ResidentNumber, CancellationToken.None);
        return await scope.ServiceProvider.GetRequiredService<ICertificateRecords>().ForResidentAsync(resident!.Id, kinds, CancellationToken.None);
    }

    [Fact]
    public async Task The_family_register_is_read_both_ways_parents_spouse_and_children()
    {
        var father = await RecordsAsync(DemoPersonas.FatherOfNewborn);
        var newborn = await RecordsAsync(DemoPersonas.Newborn);

        Assert.Equal([("spouse", "김서연"), ("child", "이하린")], father!.Family.Select(f => (f.Relation, f.NameKo)));
        Assert.Equal([("parent", "이준호"), ("parent", "김서연")], newborn!.Family.Select(f => (f.Relation, f.NameKo)));
        Assert.Equal(new DateOnly(1993, 5, 14), newborn.Family[1].BirthDate);
    }

    [Fact]
    public async Task Only_the_kinds_asked_for_are_read()
    {
        var records = await RecordsAsync(DemoPersonas.BusinessOwner, CertificateRecordKinds.Disability);

        Assert.Equal("윤지훈", records!.NameKo);
        Assert.Null(records.Registration);
        Assert.Null(records.Income);
        Assert.Null(records.HealthInsurance);
        Assert.Empty(records.Businesses);
        Assert.Empty(records.Graduations);
    }

    [Fact]
    public async Task The_personas_records_are_those_the_seed_promises()
    {
        var owner = await RecordsAsync(DemoPersonas.BusinessOwner);
        var disabled = await RecordsAsync(DemoPersonas.DisabledAdult);
        var young = await RecordsAsync(DemoPersonas.YoungJobseeker);

        var business = Assert.Single(owner!.Businesses);
        Assert.Equal(("해운대 윤씨네 식당", "음식점업", new DateOnly(2012, 4, 2)), (business.NameKo, business.Industry, business.OpenedOn));
        Assert.Matches(@"^\d{3}-\d{2}-\d{5}$", business.RegistrationNumber);
        Assert.Equal(owner.Registration!.AddressKo, business.AddressKo);
        Assert.Equal("regional-insured", owner.HealthInsurance!.Status);
        Assert.Equal(3_600_000, owner.Income!.MonthlyRecognisedIncome);
        Assert.Equal(("severe", new DateOnly(2003, 6, 9)), (disabled!.Disability!.Degree, disabled.Disability.RegisteredOn));
        Assert.Equal(["high", "college"], young!.Graduations.Select(g => g.Level));
        Assert.Equal("Yangcheon High School", young.Graduations[0].SchoolNameEn);
    }

    [Fact]
    public async Task A_resident_without_records_gets_nulls_and_empty_lists_never_guesses()
    {
        var elder = await RecordsAsync(DemoPersonas.ElderlyAlone);

        Assert.NotNull(elder!.Registration);
        Assert.Empty(elder.Family);
        Assert.Null(elder.Disability);
        Assert.Empty(elder.Businesses);
        Assert.Empty(elder.Graduations);
    }

    [Fact]
    public async Task An_unknown_resident_has_no_records()
    {
        await using var scope = factory.Services.CreateAsyncScope();

        Assert.Null(await scope.ServiceProvider.GetRequiredService<ICertificateRecords>().ForResidentAsync(-1, CertificateRecordKinds.All, CancellationToken.None));
    }
}
