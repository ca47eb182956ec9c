using System.Collections.Concurrent;
using Anthropic;
using Anthropic.Core;
using Anthropic.Exceptions;
using Anthropic.Models.Messages;
using Platform.AI.Contracts;
using Platform.AI.Generation;

namespace Platform.AI.Providers;

/// <summary>
/// Anthropic's Messages API through the official SDK (13.x: API version 2026-10-21, bearer auth, no temperature).
/// The SDK's exceptions do not carry response headers, so a small handler reads Retry-After on the way back.
/// </summary>
internal sealed class AnthropicProvider(Func<ProviderSettings> settings, TimeProvider clock) : IAiProvider
{
    public const string ProviderName = "anthropic";

    private readonly ConcurrentDictionary<string, AnthropicClient> clients = new();

    public string Name => ProviderName;

    public bool IsConfigured => !string.IsNullOrWhiteSpace(settings().ApiKey) && !string.IsNullOrWhiteSpace(settings().BaseUrl);

    public string? ModelFor(AiRequestType type) =>
        type != AiRequestType.Image && settings().Models.GetValueOrDefault(type.ToString()) is { Length: > 0 } model ? model : null;

    public async Task<ProviderResponse> GenerateAsync(ProviderCall call, CancellationToken cancellationToken)
    {
        var headers = RetryAfterCapture.Begin();
        try
        {
            var message = await Client().Messages.Create(new MessageCreateParams
            {
                Model = call.Model,
                MaxTokens = call.MaxOutputTokens,
                System = call.Prompt.System,
                Messages = [new UserMessageParam(call.Prompt.User)],
            }, cancellationToken);
            var text = string.Concat(message.Content.Select(block => block.TryPickText(out var t) ? t.Text : ""));
            return new ProviderResponse(text, message.Model.Raw() ?? call.Model, (int)message.Usage.InputTokens
                + (int)(message.Usage.CacheReadInputTokens ?? 0) + (int)(message.Usage.CacheCreationInputTokens ?? 0),
                (int)message.Usage.OutputTokens);
        }
        catch (AnthropicApiException error)
        {
            var status = (int)error.StatusCode;
            var retryAfter = AiProviderException.ParseRetryAfter(headers.RetryAfter, clock.GetUtcNow());
            // A 429 without Retry-After is the tier's spend cap: waiting does not lift it.
            var transient = status == 429 ? retryAfter is not null : AiProviderException.IsTransientStatus(status);
            throw new AiProviderException(ProviderName, $"{ProviderName} answered HTTP {status}.", status, transient, retryAfter, error);
        }
        catch (Exception error) when (error is AnthropicIOException or HttpRequestException or IOException ||
                                      (error is OperationCanceledException && !cancellationToken.IsCancellationRequested))
        {
            throw new AiProviderException(ProviderName, $"{ProviderName} could not be reached.", null, transient: true, inner: error);
        }
        catch (Exception error) when (error is not (AiProviderException or OperationCanceledException))
        {
            throw new AiProviderException(ProviderName, $"{ProviderName} answered with a response that could not be read.", 502, transient: false, inner: error);
        }
    }

    private AnthropicClient Client()
    {
        var current = settings();
        return clients.GetOrAdd(current.BaseUrl!, baseUrl => new AnthropicClient(new ClientOptions
        {
            ApiKey = current.ApiKey!,
            BaseUrl = baseUrl,
            MaxRetries = 0,
            HttpClient = new HttpClient(new RetryAfterCapture(new SocketsHttpHandler())),
        }));
    }

    /// <summary>Copies the Retry-After of the response into a holder the calling flow created.</summary>
    private sealed class RetryAfterCapture(HttpMessageHandler inner) : DelegatingHandler(inner)
    {
        private static readonly AsyncLocal<Holder?> Current = new();

        public static Holder Begin() => Current.Value = new Holder();

        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            var response = await base.SendAsync(request, cancellationToken);
            if (Current.Value is { } holder)
            {
                holder.RetryAfter = response.Headers.TryGetValues("retry-after", out var values) ? values.FirstOrDefault() : null;
            }
            return response;
        }
    }

    internal sealed class Holder
    {
        public string? RetryAfter { get; set; }
    }
}
