using Nara.Kernel.Localization;
using static OpenIddict.Abstractions.OpenIddictConstants;

namespace Nara.Identity.Features.Oidc;

/// <summary>
/// The scopes Nara's provider knows: identity scopes a person consents to, and API scopes only agency systems get
/// (client credentials). Each identity scope lists the claims it releases, for the consent screen and discovery.
/// </summary>
internal static class OidcScopes
{
    public const string Birthdate = "birthdate";
    public const string Age = "age";
    public const string Official = "official";
    public const string RegistriesRead = "registries.read";
    public const string RegistriesWrite = "registries.write";
    public const string NotificationsSend = "notifications.send";
    public const string ServicesRegistration = "services.registration";
    public const string Exchange = "exchange";
    public const string MyDataReceive = Contracts.MyDataScopes.Receive;

    public static readonly IReadOnlyList<string> Identity = [Scopes.OpenId, Scopes.Profile, Birthdate, Age, Official, Scopes.OfflineAccess];

    public static readonly IReadOnlyList<string> Api = [RegistriesRead, RegistriesWrite, NotificationsSend, ServicesRegistration, Exchange, MyDataReceive];

    public static IEnumerable<string> All => Identity.Concat(Api);

    /// <summary>Fine-grained registry scopes as the API keys had them ("registries:residents:read") are accepted too.</summary>
    public static bool IsApi(string scope) => Api.Contains(scope) || scope.StartsWith("registries:", StringComparison.Ordinal);

    /// <summary>What a scope lets the relying party see, in the reader's language, for the consent screen.</summary>
    public static string Describe(string scope) => scope switch
    {
        Scopes.OpenId => Bilingual.L("로그인 확인용 식별자 (이 서비스에만 쓰이는 번호)", "An identifier to recognise you (a number used by this service only)"),
        Scopes.Profile => Bilingual.L("이름", "Your name"),
        Birthdate => Bilingual.L("생년월일", "Your date of birth"),
        Age => Bilingual.L("나이 확인 결과 (만 14세·19세·65세 이상인지 여부만, 생년월일은 제외)", "Whether you are over 14, 19 and 65 (yes or no only, not your date of birth)"),
        Official => Bilingual.L("소속 기관과 공무원 역할", "Your agency and your roles as an official"),
        Scopes.OfflineAccess => Bilingual.L("다시 로그인하지 않아도 계속 접근 (로그인 유지)", "Continued access without signing in again"),
        _ => scope,
    };

    /// <summary>
    /// The scope claims Nara's APIs authorize on, in the agency-client form ("area:resource:action"): the per-registry
    /// scopes the Registries API checks ("registries:{name}:{access}"), "notifications:send", "services:registration" and
    /// "exchange:request" (the information mediator).
    /// </summary>
    public static IEnumerable<string> ToApiScopes(IEnumerable<string> scopes)
    {
        foreach (var scope in scopes)
        {
            switch (scope)
            {
                case RegistriesRead:
                    yield return "registries:*:read";
                    break;
                case RegistriesWrite:
                    yield return "registries:*:write";
                    break;
                case NotificationsSend:
                    yield return "notifications:send";
                    break;
                case ServicesRegistration:
                    yield return "services:registration";
                    break;
                case Exchange:
                    yield return "exchange:request";
                    break;
                case MyDataReceive:
                    yield return Contracts.MyDataScopes.ReceiveClaim;
                    break;
                default:
                    if (scope.StartsWith("registries:", StringComparison.Ordinal))
                    {
                        yield return scope;
                    }

                    break;
            }
        }
    }
}
