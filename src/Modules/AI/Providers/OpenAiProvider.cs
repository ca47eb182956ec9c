using System.ClientModel;
using System.ClientModel.Primitives;
using System.Collections.Concurrent;
using OpenAI;
using OpenAI.Chat;
using OpenAI.Images;
using Platform.AI.Contracts;
using Platform.AI.Generation;

namespace Platform.AI.Providers;

/// <summary>
/// OpenAI's chat completions and image generation through the official SDK. The same class serves any
/// OpenAI-compatible server: only the name and the settings (base URL, key, models) differ.
/// </summary>
internal sealed class OpenAiProvider(string name, Func<ProviderSettings> settings, TimeProvider clock) : IAiProvider
{
    public const string OpenAiName = "openai";
    public const string CompatibleName = "compatible";

    private readonly ConcurrentDictionary<(string Model, string Kind), object> clients = new();

    public string Name => name;

    public bool IsConfigured => !string.IsNullOrWhiteSpace(settings().ApiKey) && !string.IsNullOrWhiteSpace(settings().BaseUrl);

    public string? ModelFor(AiRequestType type) => settings().Models.GetValueOrDefault(type.ToString()) is { Length: > 0 } model ? model : null;

    public async Task<ProviderResponse> GenerateAsync(ProviderCall call, CancellationToken cancellationToken)
    {
        try
        {
            return call.Task.Type == AiRequestType.Image
                ? await ImageAsync(call, cancellationToken)
                : await ChatAsync(call, cancellationToken);
        }
        catch (ClientResultException error)
        {
            throw Failure(error);
        }
        catch (Exception error) when (error is HttpRequestException or IOException ||
                                      (error is OperationCanceledException && !cancellationToken.IsCancellationRequested))
        {
            throw new AiProviderException(name, $"{name} could not be reached.", null, transient: true, inner: error);
        }
        catch (Exception error) when (error is not (AiProviderException or OperationCanceledException))
        {
            // The SDK could not read the answer (malformed JSON, missing fields): retrying will not fix it.
            throw new AiProviderException(name, $"{name} answered with a response that could not be read.", 502, transient: false, inner: error);
        }
    }

    private async Task<ProviderResponse> ChatAsync(ProviderCall call, CancellationToken cancellationToken)
    {
        var chat = Client(call.Model, "chat", (credential, options) => new ChatClient(call.Model, credential, options));
        ChatCompletion completion = await chat.CompleteChatAsync(
            [new SystemChatMessage(call.Prompt.System), new UserChatMessage(call.Prompt.User)],
            new ChatCompletionOptions { MaxOutputTokenCount = call.MaxOutputTokens },
            cancellationToken);
        var text = string.Concat(completion.Content.Where(p => p.Kind == ChatMessageContentPartKind.Text).Select(p => p.Text));
        if (string.IsNullOrWhiteSpace(text) && completion.Refusal is { Length: > 0 } refusal)
        {
            throw new AiProviderException(name, $"{name} refused: {refusal}", null, transient: false);
        }
        // Usage is optional in the spec: without it we charge the reservation's bounds rather than nothing.
        var usage = completion.Usage;
        return new ProviderResponse(text, completion.Model ?? call.Model,
            usage?.InputTokenCount ?? call.Prompt.MaxInputTokens, usage?.OutputTokenCount ?? call.MaxOutputTokens);
    }

    private async Task<ProviderResponse> ImageAsync(ProviderCall call, CancellationToken cancellationToken)
    {
        var images = Client(call.Model, "image", (credential, options) => new ImageClient(call.Model, credential, options));
        GeneratedImageCollection generated = await images.GenerateImagesAsync(call.Prompt.User, 1,
            new ImageGenerationOptions { Size = new GeneratedImageSize(Dimension(0), Dimension(1)) }, cancellationToken);
        var image = generated.FirstOrDefault()
            ?? throw new AiProviderException(name, $"{name} answered with no image.", null, transient: false);
        var location = image.ImageBytes is { } bytes
            ? "data:image/png;base64," + Convert.ToBase64String(bytes.ToArray())
            : image.ImageUri?.ToString() ?? "";
        // gpt-image models report token usage (https://platform.openai.com/docs/api-reference/images/object); DALL-E models do not.
        // The SDK marks Usage experimental (OPENAI001); the field itself is part of the documented API.
#pragma warning disable OPENAI001
        var usage = generated.Usage;
#pragma warning restore OPENAI001
        return new ProviderResponse(location, call.Model, (int)(usage?.InputTokenCount ?? 0), (int)(usage?.OutputTokenCount ?? 0),
            Images: generated.Count, RevisedPrompt: image.RevisedPrompt, ImageBytes: image.ImageBytes?.ToArray());
    }

    private int Dimension(int index) => int.Parse(settings().ImageSize.Split('x')[index], System.Globalization.CultureInfo.InvariantCulture);

    private T Client<T>(string model, string kind, Func<ApiKeyCredential, OpenAIClientOptions, T> create) where T : class =>
        (T)clients.GetOrAdd((model, kind), _ => create(new ApiKeyCredential(settings().ApiKey!), ClientOptions(settings())));

    /// <summary>SDK options shared with moderation: our endpoint, and no SDK retries (Polly is the one policy).</summary>
    public static OpenAIClientOptions ClientOptions(ProviderSettings settings) => new()
    {
        Endpoint = new Uri(settings.BaseUrl!),
        RetryPolicy = new ClientRetryPolicy(maxRetries: 0),
    };

    private AiProviderException Failure(ClientResultException error)
    {
        var raw = error.GetRawResponse();
        string? retryAfter = null;
        raw?.Headers.TryGetValue("retry-after", out retryAfter);
        var body = raw?.Content?.ToString() ?? "";
        // A 429 for an exhausted quota is a billing state, not a rate: retrying cannot help.
        var transient = error.Status == 0 || AiProviderException.IsTransientStatus(error.Status) && !body.Contains("insufficient_quota", StringComparison.Ordinal);
        return new AiProviderException(name, $"{name} answered HTTP {error.Status}.", error.Status == 0 ? null : error.Status, transient,
            AiProviderException.ParseRetryAfter(retryAfter, clock.GetUtcNow()), error);
    }
}
