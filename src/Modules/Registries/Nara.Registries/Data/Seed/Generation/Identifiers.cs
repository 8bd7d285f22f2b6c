using Nara.Registries.Domain;

namespace Nara.Registries.Data.Seed.Generation;

/// <summary>Id counters and the unique numbers of the registries (resident, plate, licence, passport, business).</summary>
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

    public Identifiers(long first = 1)
    {
        _resident = _household = _address = _vehicle = _business = first - 1;
    }

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

        return BusinessNumbers.Format(office, type, serial);
    }
}
