using System.Net.Http.Headers;
using Nara.Exchange.Domain;

namespace Nara.Exchange.Providers;

/// <summary>
/// An agency's own REST API behind the mediator: the request is forwarded (method, path after the service id,
/// query, body) with the X-Road headers, never the caller's credentials. A provider slower than the service's
/// timeout is abandoned, so the caller hears within that time.
/// </summary>
internal sealed class HttpProvider(IHttpClientFactory clients) : IExchangeProvider
{
    public const string ClientName = "exchange-provider";

    /// <summary>Answers larger than this are refused rather than buffered.</summary>
    private const int MaxBody = 4 * 1024 * 1024;

    public string Kind => ProviderKinds.Http;

    public IReadOnlyList<string>? KnownAttributes => null;

    public bool NeedsSubject => false;

    public async Task<ProviderAnswer> AnswerAsync(ProviderCall call, CancellationToken cancellationToken)
    {
        var target = new Uri(call.Service.ProviderUrl!.TrimEnd('/') + call.ProviderPath);
        using var request = new HttpRequestMessage(new HttpMethod(call.Method), target);
        if (call.Body.Length > 0)
        {
            request.Content = new ByteArrayContent(call.Body);
            request.Content.Headers.ContentType = MediaTypeHeaderValue.TryParse(call.ContentType, out var type) ? type : new MediaTypeHeaderValue("application/octet-stream");
        }

        foreach (var (name, value) in call.Headers)
        {
            request.Headers.TryAddWithoutValidation(name, value);
        }

        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(call.Service.TimeoutMs);
        try
        {
            using var response = await clients.CreateClient(ClientName).SendAsync(request, HttpCompletionOption.ResponseHeadersRead, timeout.Token);
            if ((int)response.StatusCode >= 500)
            {
                throw new ProviderFailedException($"The provider answered {(int)response.StatusCode}.");
            }

            if (response.Content.Headers.ContentLength > MaxBody)
            {
                throw new ProviderFailedException("The provider's answer is larger than 4 MB.");
            }

            var body = await response.Content.ReadAsByteArrayAsync(timeout.Token);
            return new ProviderAnswer((int)response.StatusCode, null, body, response.Content.Headers.ContentType?.ToString());
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            throw new ProviderTimeoutException($"The provider did not answer within {call.Service.TimeoutMs} ms.");
        }
        catch (HttpRequestException ex)
        {
            throw new ProviderFailedException("The provider could not be reached.", ex);
        }
    }
}
