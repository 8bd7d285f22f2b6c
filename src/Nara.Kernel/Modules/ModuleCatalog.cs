namespace Nara.Kernel.Modules;

/// <summary>The host's explicit module list, available to anything that must walk all modules.</summary>
public sealed class ModuleCatalog(IReadOnlyList<IModule> modules)
{
    public IReadOnlyList<IModule> Modules { get; } = modules;
}
