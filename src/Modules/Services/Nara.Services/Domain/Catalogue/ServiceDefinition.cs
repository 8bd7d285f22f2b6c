namespace Nara.Services.Domain.Catalogue;

/// <summary>
/// One service in the catalogue, read from <c>Catalogue/services/{slug}.json</c>. The catalogue is data:
/// adding a service means adding a file, not code.
/// </summary>
public sealed record ServiceDefinition
{
    /// <summary>Stable id and URL segment, lower-case with hyphens (e.g. <c>parental-benefit</c>).</summary>
    public required string Slug { get; init; }

    public required LocalText Name { get; init; }

    /// <summary>One or two plain-language sentences for lists and search results.</summary>
    public required LocalText Summary { get; init; }

    /// <summary>Owning agency code (MOHW, MOIS, NTS, ... or LOCAL for local governments).</summary>
    public required string Agency { get; init; }

    /// <summary>Browse category id (see <see cref="ServiceCategories"/>).</summary>
    public required string Category { get; init; }

    /// <summary>Life-event ids (see <see cref="LifeEvents"/>), e.g. <c>birth</c>, <c>death</c>.</summary>
    public IReadOnlyList<string> LifeEvents { get; init; } = [];

    /// <summary>Who can apply, in plain language.</summary>
    public required LocalText Who { get; init; }

    /// <summary>What you get (amounts, documents, outcomes).</summary>
    public required LocalText WhatYouGet { get; init; }

    /// <summary>How to apply and how it is decided.</summary>
    public required LocalText How { get; init; }

    /// <summary>How the decision is made (reviewed by an official, automatic check, registration on filing).</summary>
    public required LocalText HowDecided { get; init; }

    public IReadOnlyList<RequiredDocument> Documents { get; init; } = [];

    /// <summary>Fees in plain language ("free", "5,000 won").</summary>
    public required LocalText Fees { get; init; }

    /// <summary>Processing deadline in business days; 0 means on the spot.</summary>
    public int ProcessingDays { get; init; }

    /// <summary>What the number alone does not say ("paid by the end of September", "examination takes about a year").</summary>
    public LocalText? ProcessingNote { get; init; }

    public required LocalText LegalBasis { get; init; }

    /// <summary>Link to the law on law.go.kr, when there is one.</summary>
    public Uri? LegalUrl { get; init; }

    /// <summary>
    /// Where the service is done online when that is not an application in Nara: the agency's own system
    /// (Hometax, 특허로, 나라장터) or a page of Nara itself (notification settings).
    /// </summary>
    public Uri? OnlineUrl { get; init; }

    /// <summary><c>online</c> and/or <c>visit</c>.</summary>
    public IReadOnlyList<string> Channels { get; init; } = [];

    /// <summary>Search synonyms and common misspellings people type (e.g. "출산지원금").</summary>
    public IReadOnlyList<string> Keywords { get; init; } = [];

    /// <summary>The application form; null when the service is information only or applied for elsewhere.</summary>
    public FormDefinition? Form { get; init; }

    /// <summary>For a one-stop bundle: the slugs of the services one application creates cases for.</summary>
    public IReadOnlyList<string> Bundle { get; init; } = [];

    public bool AppliesOnline => Form is not null && Channels.Contains(ServiceChannels.Online);

    public bool IsBundle => Bundle.Count > 0;
}

/// <param name="GovernmentFetches">True when Nara fetches it from a registry itself: it is listed, never asked for.</param>
/// <param name="Source">Where it comes from when the government fetches it (e.g. "MOIS resident registry").</param>
public sealed record RequiredDocument(LocalText Name, bool GovernmentFetches, LocalText? Source = null);

public static class ServiceChannels
{
    public const string Online = "online";
    public const string Visit = "visit";
}
