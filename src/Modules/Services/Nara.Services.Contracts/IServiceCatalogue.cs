namespace Nara.Services.Contracts;

/// <summary>What other modules may read about the catalogue (Eligibility links results to services, Credentials names them).</summary>
public interface IServiceCatalogue
{
    ServiceSummary? Find(string slug);

    IReadOnlyList<ServiceSummary> All();

    /// <summary>The services tagged with a life event that the portal page <c>/life-events/{page}</c> gathers, in catalogue order.</summary>
    IReadOnlyList<ServiceSummary> ForLifeEventPage(string page);
}

/// <param name="Slug">The stable id, e.g. <c>parental-benefit</c>; also the page URL <c>/services/{slug}</c>.</param>
/// <param name="Agency">The owning agency code, e.g. <c>MOHW</c>.</param>
/// <param name="AppliesOnline">Whether the service takes applications in Nara (otherwise it is information, or visit only).</param>
public sealed record ServiceSummary(string Slug, string NameKo, string NameEn, string Agency, string Category, IReadOnlyList<string> LifeEvents, bool AppliesOnline);
