using System.Reflection;
using Microsoft.Extensions.DependencyInjection;
using Nara.Kernel.Modules;
using Nara.Testing;

namespace Nara.ArchitectureTests;

public sealed class ModuleBoundaryTests(NaraFactory factory) : IClassFixture<NaraFactory>
{
    private IReadOnlyList<IModule> Modules => factory.Services.GetRequiredService<ModuleCatalog>().Modules;

    [Fact]
    public void Every_module_folder_is_registered_in_the_host()
    {
        var folders = Directory.GetDirectories(Path.Combine(Repository.Root, "src", "Modules")).Select(d => Path.GetFileName(d)!).Order().ToList();
        var registered = Modules.Select(m => m.Name).Order().ToList();
        Assert.Equal(folders, registered);
    }

    [Fact]
    public void A_module_references_only_the_kernel_and_other_modules_contracts()
    {
        var implementations = Modules.Select(m => m.Assembly.GetName().Name!).ToHashSet();
        foreach (var module in Modules)
        {
            var forbidden = NaraReferences(module.Assembly).Where(r => implementations.Contains(r) && r != module.Assembly.GetName().Name).ToList();
            Assert.True(forbidden.Count == 0, $"{module.Name} references other modules' implementation: {string.Join(", ", forbidden)}");
        }
    }

    [Fact]
    public void A_contracts_assembly_references_only_the_kernel_and_other_contracts()
    {
        foreach (var module in Modules)
        {
            var contracts = Assembly.Load($"Nara.{module.Name}.Contracts");
            var bad = NaraReferences(contracts).Where(r => r != "Nara.Kernel" && !r.EndsWith(".Contracts", StringComparison.Ordinal)).ToList();
            Assert.True(bad.Count == 0, $"Nara.{module.Name}.Contracts references {string.Join(", ", bad)}");
        }
    }

    [Fact]
    public void The_kernel_knows_no_module()
    {
        var kernel = typeof(IModule).Assembly;
        Assert.Empty(NaraReferences(kernel));
    }

    [Fact]
    public void Module_names_match_their_assemblies_and_folders()
    {
        foreach (var module in Modules)
        {
            Assert.Equal($"Nara.{module.Name}", module.Assembly.GetName().Name);
            Assert.True(File.Exists(Path.Combine(Repository.Root, "src", "Modules", module.Name, "README.md")), $"{module.Name} has no README.md");
        }
    }

    private static IEnumerable<string> NaraReferences(Assembly assembly) =>
        assembly.GetReferencedAssemblies().Select(a => a.Name!).Where(n => n.StartsWith("Nara.", StringComparison.Ordinal));
}
