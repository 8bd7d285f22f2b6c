using System.Security.Cryptography;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Unicode;
using Nara.Exchange.Providers;
using Nara.Exchange.Signing;

namespace Nara.Exchange.Features.Mediation;

/// <summary>The body the client receives and the mediator's signature over it and the request it answers.</summary>
internal sealed record SignedAnswer(int Status, byte[] Body, string ContentType, string Signature, IReadOnlyDictionary<string, string>? Data);

/// <summary>
/// Signs what the mediator answers: a compact JWS (ES256, <c>typ: exchange-response+jws</c>) whose payload binds
/// the exchange and message ids, client, service, request hash and the SHA-256 of the exact response body.
/// A client keeps it as proof of what it was told; anyone checks it with <c>/api/exchange/signing-key</c>.
/// </summary>
internal sealed class ResponseSigner(ExchangeSigningKey key, TimeProvider clock)
{
    /// <summary>Korean stays readable in answers, as in every other Nara API; markup characters stay escaped.</summary>
    private static readonly JsonSerializerOptions Json = new(JsonSerializerOptions.Web) { Encoder = JavaScriptEncoder.Create(UnicodeRanges.All) };

    public SignedAnswer Sign(MediationContext c, ProviderAnswer answer)
    {
        byte[] body;
        string contentType;
        if (answer.Data is { } data)
        {
            body = JsonSerializer.SerializeToUtf8Bytes(new RegistryAnswer(c.ExchangeId, c.Service!.Id, data), Json);
            contentType = "application/json; charset=utf-8";
        }
        else
        {
            body = answer.RawBody ?? [];
            contentType = answer.ContentType ?? "application/octet-stream";
        }

        var payload = JsonSerializer.Serialize(new SignedPayload(
            c.ExchangeId, c.MessageId, c.Client!, c.Service!.Id, c.RequestHash,
            Convert.ToBase64String(SHA256.HashData(body)), answer.Status, clock.GetUtcNow().ToUnixTimeSeconds()), JsonSerializerOptions.Web);
        return new SignedAnswer(answer.Status, body, contentType, key.Sign(payload), answer.Data);
    }

    private sealed record RegistryAnswer(Guid ExchangeId, string Service, IReadOnlyDictionary<string, string> Data);
}

/// <summary>The signed statement: "to this request, this mediator answered this body with this status".</summary>
internal sealed record SignedPayload(Guid ExchangeId, string MessageId, string Client, string Service, string RequestHash, string ResponseHash, int Status, long Iat);
