using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Nara.Kernel.Security;
using Nara.Registries.Features;

namespace Nara.Registries.Pages.Officials.Registries;

[Authorize(Policy = NaraPolicies.RegistryViewer)]
internal sealed class IndexModel(ListRegistries list) : PageModel
{
    public IReadOnlyList<RegistrySummary> Registries { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct) => Registries = await list.RunAsync(ct);
}
