using System.Reflection;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Nara.Kernel.Modules;

/// <summary>
/// A bounded context composed into the host. The host lists its modules explicitly in Program.cs;
/// nothing is discovered by scanning, so reading that list tells you what runs.
/// </summary>
public interface IModule
{
    /// <summary>Short name, also the folder name and the table prefix in lower case.</summary>
    string Name { get; }

    /// <summary>The implementation assembly: Razor pages are loaded from it and boundaries are checked on it.</summary>
    Assembly Assembly => GetType().Assembly;

    /// <summary>True when the assembly carries Razor pages that the host must add as an application part.</summary>
    bool HasPages => false;

    void AddServices(IServiceCollection services, IConfiguration configuration);

    void MapEndpoints(IEndpointRouteBuilder endpoints)
    {
    }

    /// <summary>Loads demo or generated data. Called in module-list order, after every migration has run.</summary>
    Task SeedAsync(IServiceProvider services, SeedRequest request, CancellationToken cancellationToken) => Task.CompletedTask;
}
