using Nara.Audit;
using Nara.Consent;
using Nara.Credentials;
using Nara.Eligibility;
using Nara.Exchange;
using Nara.Host.Cli;
using Nara.Identity;
using Nara.Kernel.Modules;
using Nara.Notifications;
using Nara.Registries;
using Nara.Services;

// The modules that make up Nara, in seeding order. Nothing is discovered by scanning: add a module here.
IModule[] modules =
[
    new RegistriesModule(),
    new IdentityModule(),
    new AuditModule(),
    new NotificationsModule(),
    new ServicesModule(),
    new EligibilityModule(),
    new ConsentModule(),
    new ExchangeModule(),
    new CredentialsModule(),
];

return await NaraCli.RunAsync(args, modules);

/// <summary>Entry point type, visible to WebApplicationFactory in tests.</summary>
public partial class Program;
