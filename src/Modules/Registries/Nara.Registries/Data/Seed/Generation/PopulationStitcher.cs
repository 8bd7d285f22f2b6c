namespace Nara.Registries.Data.Seed.Generation;

/// <summary>
/// Places chunks generated in parallel one after the other, in chunk order: moves their chunk-local ids past
/// those of the chunks before, and claims their registry numbers in the shared <see cref="Identifiers"/>,
/// drawing a new number on the rare clash with an earlier chunk or a demo persona. Runs on one thread in chunk
/// order with its own random stream, so the result depends only on the seed.
/// </summary>
internal sealed class PopulationStitcher(Identifiers shared, int seed)
{
    private readonly SeedRandom _random = SeedRandom.For(seed, "stitch");

    public void Stitch(PopulationChunk chunk)
    {
        ArgumentNullException.ThrowIfNull(chunk);
        var local = chunk.Ids ?? throw new InvalidOperationException("The chunk has already been stitched.");
        var keys = local.Keys ?? throw new InvalidOperationException("The chunk did not record its numbers.");
        Renumber(chunk, shared.Residents, shared.Households, shared.Addresses, shared.Vehicles, shared.Businesses);
        shared.Advance(local);
        ClaimNumbers(chunk, keys);
        chunk.Ids = null;
    }

    private static void Renumber(PopulationChunk c, long resident, long household, long address, long vehicle, long business)
    {
        foreach (var x in c.Addresses)
        {
            x.Id += address;
        }

        foreach (var x in c.Households)
        {
            x.Id += household;
            x.AddressId += address;
            x.HeadResidentId += resident;
        }

        foreach (var x in c.Residents)
        {
            x.Id += resident;
            x.AddressId += address;
            x.HouseholdId += household;
        }

        foreach (var x in c.FamilyRelations)
        {
            x.ResidentId += resident;
            x.RelatedResidentId += resident;
        }

        foreach (var x in c.Incomes)
        {
            x.HouseholdId += household;
        }

        foreach (var x in c.Tenancies)
        {
            x.HouseholdId += household;
        }

        foreach (var x in c.HealthInsurance)
        {
            x.ResidentId += resident;
        }

        foreach (var x in c.Disabilities)
        {
            x.ResidentId += resident;
        }

        foreach (var x in c.Jobseekers)
        {
            x.ResidentId += resident;
        }

        foreach (var x in c.Daycare)
        {
            x.ResidentId += resident;
        }

        foreach (var x in c.Vehicles)
        {
            x.Id += vehicle;
            x.OwnerResidentId += resident;
        }

        foreach (var x in c.DriverLicences)
        {
            x.ResidentId += resident;
        }

        foreach (var x in c.Passports)
        {
            x.ResidentId += resident;
        }

        if (c.Graduations.Count > 0)
        {
            // Graduations are written by hand for the personas only; generated ones would need their own id counter here.
            throw new InvalidOperationException("Generated chunks carry no graduations.");
        }

        foreach (var x in c.Businesses)
        {
            x.Id += business;
            x.OwnerResidentId += resident;
            x.AddressId += address;
        }
    }

    private void ClaimNumbers(PopulationChunk c, IssuedKeys keys)
    {
        for (var i = 0; i < c.Residents.Count; i++)
        {
            if (!shared.TryClaimResidentNumber(keys.Residents[i]))
            {
                var r = c.Residents[i];
                r.ResidentNumber = shared.NewResidentNumber(_random, r.BirthDate, r.Sex, r.Nationality != "KOR");
            }
        }

        for (var i = 0; i < c.Vehicles.Count; i++)
        {
            if (!shared.TryClaimPlate(keys.Plates[i]))
            {
                c.Vehicles[i].PlateNumber = shared.NewPlate(_random, c.Vehicles[i].FirstRegisteredOn);
            }
        }

        for (var i = 0; i < c.DriverLicences.Count; i++)
        {
            if (!shared.TryClaimLicence(keys.Licences[i]))
            {
                // The key is ((region × 100 + yy) × 1,000,000 + serial); only yy of the year is kept in the number.
                var regionYear = keys.Licences[i] / 1_000_000;
                c.DriverLicences[i].LicenceNumber = shared.NewLicence(_random, (int)(regionYear / 100), (int)(regionYear % 100));
            }
        }

        for (var i = 0; i < c.Passports.Count; i++)
        {
            if (!shared.TryClaimPassport(keys.Passports[i]))
            {
                c.Passports[i].PassportNumber = shared.NewPassport(_random, c.Passports[i].IssuedOn);
            }
        }

        for (var i = 0; i < c.Businesses.Count; i++)
        {
            if (!shared.TryClaimBusinessNumber(keys.Businesses[i]))
            {
                c.Businesses[i].RegistrationNumber = shared.NewBusinessNumber(_random);
            }
        }
    }
}
