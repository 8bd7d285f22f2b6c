using Nara.Registries.Domain;

namespace Nara.Registries.Data.Seed.Generation;

/// <summary>Id counters and the unique numbers of the registries (resident, plate, licence, passport, business).</summary>
/// <remarks>
/// A chunk generated in parallel has its own instance, unique within the chunk, and records the key of every number
/// it hands out (<see cref="Keys"/>, one per row in row order) so that <see cref="PopulationStitcher"/> can check it
/// against the shared instance and draw again on a clash.
/// </remarks>
internal sealed class Identifiers
{
    private const string PlateSyllables = "가나다라마거너더러머버서어저고노도로모보소오조구누두루무부수우주";
    private readonly HashSet<long> _residentNumbers = [];
    private readonly HashSet<long> _plates = [];
    private readonly HashSet<long> _licences = [];
    private readonly HashSet<long> _passports = [];
    private readonly HashSet<long> _businesses = [];
    private long _resident;
    private long _household;
    private long _address;
    private long _vehicle;
    private long _business;

    public Identifiers(long first = 1, bool recordKeys = false)
    {
        _resident = _household = _address = _vehicle = _business = first - 1;
        Keys = recordKeys ? new IssuedKeys() : null;
    }

    /// <summary>Keys of the numbers handed out, in order; null unless asked for.</summary>
    public IssuedKeys? Keys { get; }

    public long Residents => _resident;

    public long Households => _household;

    public long Addresses => _address;

    public long Vehicles => _vehicle;

    public long Businesses => _business;

    /// <summary>Moves the counters past the ids a chunk used (its ids count from 1).</summary>
    public void Advance(Identifiers chunk)
    {
        ArgumentNullException.ThrowIfNull(chunk);
        _resident += chunk._resident;
        _household += chunk._household;
        _address += chunk._address;
        _vehicle += chunk._vehicle;
        _business += chunk._business;
    }

    /// <summary>Claims a number drawn elsewhere; false when it is already taken.</summary>
    public bool TryClaimResidentNumber(long key) => _residentNumbers.Add(key);

    public bool TryClaimPlate(long key) => _plates.Add(key);

    public bool TryClaimLicence(long key) => _licences.Add(key);

    public bool TryClaimPassport(long key) => _passports.Add(key);

    public bool TryClaimBusinessNumber(long key) => _businesses.Add(key);

    public long PeekResident => _resident + 1;

    public long NextResident() => ++_resident;

    public long NextHousehold() => ++_household;

    public long NextAddress() => ++_address;

    public long NextVehicle() => ++_vehicle;

    public long NextBusiness() => ++_business;

    /// <summary>Keeps a fixed number (a persona's) out of the generated ones.</summary>
    public void Reserve(string residentNumber)
    {
        ArgumentNullException.ThrowIfNull(residentNumber);
        _residentNumbers.Add(long.Parse(residentNumber.Replace("-", "", StringComparison.Ordinal)[..12], System.Globalization.CultureInfo.InvariantCulture));
    }

    public string NewResidentNumber(SeedRandom random, DateOnly birth, Sex sex, bool foreigner)
    {
        var sexDigit = ResidentNumbers.SexDigit(birth, sex, foreigner);
        var prefix = ((((birth.Year % 100 * 100L) + birth.Month) * 100) + birth.Day) * 10 + sexDigit;
        int serial;
        do
        {
            serial = random.Next(100_000);
        }
        while (!_residentNumbers.Add((prefix * 100_000) + serial));

        Keys?.Residents.Add((prefix * 100_000) + serial);
        return ResidentNumbers.Format(birth, sexDigit, serial);
    }

    /// <summary>"123가4567" since 2019, "12가3456" before.</summary>
    public string NewPlate(SeedRandom random, DateOnly registered)
    {
        var three = registered.Year >= 2019;
        long key;
        int head, syllable, tail;
        do
        {
            head = three ? random.Next(100, 700) : random.Next(10, 70);
            syllable = random.Next(PlateSyllables.Length);
            tail = random.Next(1000, 10_000);
            key = (((head * 100L) + syllable) * 10_000) + tail;
        }
        while (!_plates.Add(key));

        Keys?.Plates.Add(key);
        return string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{head}{PlateSyllables[syllable]}{tail}");
    }

    /// <summary>"RR-YY-NNNNNN-CC": licensing region, year of first issue, serial, check.</summary>
    public string NewLicence(SeedRandom random, int region, int year)
    {
        int serial;
        do
        {
            serial = random.Next(1_000_000);
        }
        while (!_licences.Add((((region * 100L) + (year % 100)) * 1_000_000) + serial));

        Keys?.Licences.Add((((region * 100L) + (year % 100)) * 1_000_000) + serial);
        var check = (int)(((region * 7L) + (year % 100 * 3) + serial) % 97);
        return string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{region:00}-{year % 100:00}-{serial:000000}-{check:00}");
    }

    /// <summary>"M12345678" before the 2021 design, "M123A4567" after it.</summary>
    public string NewPassport(SeedRandom random, DateOnly issued)
    {
        var modern = issued >= new DateOnly(2021, 12, 21);
        long key;
        string number;
        do
        {
            if (modern)
            {
                var a = random.Next(1000);
                var letter = (char)('A' + random.Next(26));
                var b = random.Next(10_000);
                key = 1_000_000_000L + (((a * 26L) + (letter - 'A')) * 10_000) + b;
                number = string.Create(System.Globalization.CultureInfo.InvariantCulture, $"M{a:000}{letter}{b:0000}");
            }
            else
            {
                key = random.Next(100_000_000);
                number = string.Create(System.Globalization.CultureInfo.InvariantCulture, $"M{key:00000000}");
            }
        }
        while (!_passports.Add(key));

        Keys?.Passports.Add(key);
        return number;
    }

    public string NewBusinessNumber(SeedRandom random)
    {
        int office, type, serial;
        do
        {
            office = random.Next(101, 800);
            type = random.Next(1, 80);
            serial = random.Next(10_000);
        }
        while (!_businesses.Add((((office * 100L) + type) * 10_000) + serial));

        Keys?.Businesses.Add((((office * 100L) + type) * 10_000) + serial);
        return BusinessNumbers.Format(office, type, serial);
    }
}

/// <summary>Uniqueness keys of the numbers a chunk handed out, one list per kind, in row order.</summary>
internal sealed class IssuedKeys
{
    public List<long> Residents { get; } = [];

    public List<long> Plates { get; } = [];

    public List<long> Licences { get; } = [];

    public List<long> Passports { get; } = [];

    public List<long> Businesses { get; } = [];
}
