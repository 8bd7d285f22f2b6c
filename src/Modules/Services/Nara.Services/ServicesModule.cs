using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Nara.Kernel.Data;
using Nara.Kernel.Modules;
using Nara.Kernel.Pdf;
using Nara.Services.Api;
using Nara.Services.Contracts;
using Nara.Services.Data;
using Nara.Services.Domain.Calendar;
using Nara.Services.Features;
using Nara.Services.Features.Applications;
using Nara.Services.Features.Cases;
using Nara.Services.Features.Documents;
using Nara.Services.Features.Letters;
using Nara.Services.Features.Statistics;

namespace Nara.Services;

/// <summary>
/// The Gov24-style catalogue, one-stop applications prefilled from registries, bundles across
/// agencies, case work with approval lines, and the GovStack Registration API.
/// </summary>
public sealed class ServicesModule : IModule
{
    public const string ModuleName = "Services";

    public string Name => ModuleName;

    public bool HasPages => true;

    public void AddServices(IServiceCollection services, IConfiguration configuration)
    {
        services.AddModuleDbContext<ServicesDbContext, ServicesSqliteDbContext, ServicesPostgresDbContext>(ModuleName);

        // Catalogue: loaded once from the embedded data files; a bad file fails the start.
        services.AddSingleton<ServiceCatalogue>();
        services.AddSingleton<IServiceCatalogue>(sp => sp.GetRequiredService<ServiceCatalogue>());
        services.AddSingleton(_ => BusinessCalendar.LoadEmbedded());
        services.AddSingleton<DocumentStore>();

        // Citizens: one-stop applications, prefilled from registries, and "my applications".
        services.AddScoped<PrefillThroughExchange>();
        services.AddScoped<StartApplication>();
        services.AddScoped<SaveStep>();
        services.AddScoped<SubmitApplication>();
        services.AddScoped<ApplicationQueries>();
        services.AddScoped<WithdrawCase>();
        services.AddScoped<AnswerInformationRequest>();
        services.AddScoped<OpenDocument>();

        // PDF letters: the one Korean PDF font of the host (shared with Credentials' certificates; Nara:Pdf:FontPath or the system's).
        services.AddKoreanFonts(configuration);
        services.AddScoped<IssueLetterPdf>();

        // Officials: the agency queue and the approval line.
        services.AddScoped<CaseWork>();
        services.AddScoped<CaseQueue>();
        services.AddScoped<AssignCase>();
        services.AddScoped<CommentOnCase>();
        services.AddScoped<RequestInformation>();
        services.AddScoped<DraftDecision>();
        services.AddScoped<ReviewDraft>();
        services.AddScoped<DecideCase>();
        services.AddScoped<ServiceStatistics>();

        // Agency systems: the GovStack Registration write side.
        services.AddScoped<SubmitForApplicant>();
        services.AddScoped<ResubmitForApplicant>();
        services.AddScoped<CompleteTask>();
        RegistrationPolicies.Add(services.AddAuthorizationBuilder());
        services.AddSingleton<SearchServices>();
        services.AddSingleton<FindServices>();
    }

    public void MapEndpoints(IEndpointRouteBuilder endpoints)
    {
        RegistrationEndpoints.Map(endpoints);
        StatisticsEndpoints.Map(endpoints);
        CatalogueEndpoints.Map(endpoints);
        GovStackCatalogueEndpoints.Map(endpoints);
    }

    public Task SeedAsync(IServiceProvider services, SeedRequest request, CancellationToken cancellationToken) => Task.CompletedTask;
}
