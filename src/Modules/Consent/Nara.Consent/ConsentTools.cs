using Microsoft.Extensions.DependencyInjection;
using Nara.Consent.Contracts;
using Nara.Consent.Features;

namespace Nara.Consent;

/// <summary>What the host's CLI verbs need from the module: signing-key rotation (<c>nara consent rotate-key</c>).</summary>
public static class ConsentTools
{
    /// <summary>Rotates the consent signing key as an operator at the console; audited like the API's rotation. Returns (old kid, new kid).</summary>
    public static async Task<(string Previous, string Current)> RotateSigningKeyAsync(IServiceProvider services, string operatorId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(services);
        await using var scope = services.CreateAsyncScope();
        var (old, fresh) = await scope.ServiceProvider.GetRequiredService<RotateSigningKey>().ExecuteAsync(new ConsentActor("system", operatorId), cancellationToken);
        return (old, fresh.KeyId);
    }
}
