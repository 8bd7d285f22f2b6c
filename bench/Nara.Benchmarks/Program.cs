using System.Diagnostics;
using System.Globalization;
using Nara.Registries.Data.Seed.Generation;

var today = new DateOnly(2026, 3, 2);
var catalog = DivisionCatalog.Load();
var gen = new PopulationGenerator(catalog, 1, today, new Identifiers());
var cpu = Process.GetCurrentProcess().TotalProcessorTime;
long n = 0;
foreach (var c in gen.Generate(int.Parse(args[0], CultureInfo.InvariantCulture), 20_000))
{
    n += c.Residents.Count;
}

Console.WriteLine($"gen {n} cpu {(Process.GetCurrentProcess().TotalProcessorTime - cpu).TotalSeconds}");
