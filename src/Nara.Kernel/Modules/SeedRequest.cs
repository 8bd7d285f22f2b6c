namespace Nara.Kernel.Modules;

/// <summary>What `nara seed` (or a first start) asked for.</summary>
/// <param name="Residents">How many synthetic residents to generate.</param>
/// <param name="Seed">Random seed: the same seed gives the same population, byte for byte.</param>
/// <param name="OnlyIfEmpty">A first start seeds once; an explicit `nara seed` replaces what was there.</param>
/// <param name="Progress">Receives (done, total) for a progress bar; may be null.</param>
public sealed record SeedRequest(int Residents, int Seed, bool OnlyIfEmpty, IProgress<SeedProgress>? Progress = null);

public readonly record struct SeedProgress(string Stage, long Done, long Total);
