namespace Nara.Kernel.Data;

/// <summary>One per module DbContext: lets the migrator, health checks and outbox walk all module databases.</summary>
public sealed record ModuleDbContextRegistration(string Module, Type ContextType);
