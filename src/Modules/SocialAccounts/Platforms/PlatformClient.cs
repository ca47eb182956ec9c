using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using Microsoft.Extensions.Options;
using Platform.SocialAccounts.Contracts;

namespace Platform.SocialAccounts.Platforms;

/// <summary>
/// What every client shares: its options, sending with one error taxonomy (timeouts, garbage and 5xx are transient),
/// JSON and form helpers. Subclasses say how their platform's error bodies map to <see cref="PlatformErrorKind"/>.
/// </summary>
internal abstract class PlatformClient(HttpClient http, IOptionsMonitor<PlatformOptions> platformOptions, IContentRules rules, TimeProvider clock) : IPlatformClient
{
    private PlatformOptions? options;

    public abstract SocialPlatform Platform { get; }

    public PlatformOptions Options => options ??= platformOptions.Get(Platform.ToString());

    public virtual bool UsesPkce => false;

    protected HttpClient Http { get; } = http;

    protected TimeProvider Clock { get; } = clock;

    protected string Api => Options.ApiBaseUrl.TrimEnd('/');

    /// <summary>Sent on every request when the platform asks for its own (HttpClient sends none by default).</summary>
    protected virtual string? UserAgent => null;

    public abstract string BuildAuthorizeUrl(string state, string redirectUri, string codeChallenge);

    public abstract Task<TokenSet> ExchangeCodeAsync(string code, string redirectUri, string codeVerifier, CancellationToken cancellationToken);

    public abstract Task<IReadOnlyList<PlatformIdentity>> FetchIdentitiesAsync(TokenSet tokens, CancellationToken cancellationToken);

    public abstract Task<TokenSet?> RefreshAsync(AccountCredentials account, CancellationToken cancellationToken);

    public abstract Task<bool> RevokeAsync(AccountCredentials account, CancellationToken cancellationToken);

    public abstract Task<PublishedPost> PublishAsync(AccountCredentials account, PostContent content, CancellationToken cancellationToken);

    /// <summary>A single-request publish has no step to resume: it publishes from scratch.</summary>
    public virtual Task<PublishedPost> PublishAsync(AccountCredentials account, PostContent content, PublishJournal journal, CancellationToken cancellationToken) =>
        PublishAsync(account, content, cancellationToken);

    /// <summary>
    /// Platforms that show a post by the text it was sent with: the first of the account's 25 latest posts whose text
    /// matches and which is not older than the lost attempt.
    /// </summary>
    public virtual async Task<ReconcileResult> ReconcileAsync(
        AccountCredentials account, PostContent content, PublishJournal journal, DateTimeOffset lostSince, CancellationToken cancellationToken) =>
        PostMatch.ByText(await ListRecentPostsAsync(account, PostMatch.RecentCount, cancellationToken), content.Text, lostSince) is { } found
            ? ReconcileResult.Found(new PublishedPost(found.PlatformPostId, found.Url))
            : ReconcileResult.Absent;

    public abstract Task<PostMetrics> GetMetricsAsync(AccountCredentials account, string platformPostId, CancellationToken cancellationToken);

    /// <summary>A platform without account metrics is never asked (its descriptor says so); reaching here is a wiring fault.</summary>
    public virtual Task<AccountMetrics> GetAccountMetricsAsync(AccountCredentials account, CancellationToken cancellationToken) =>
        throw new NotSupportedException($"{Platform} offers no account metrics to this integration.");

    public abstract Task<IReadOnlyList<RecentPost>> ListRecentPostsAsync(AccountCredentials account, int limit, CancellationToken cancellationToken);

    public ContentCheck Validate(PostContent content) => rules.Check(Platform, content);

    /// <summary>Sends and returns the successful answer's body; any failure becomes a <see cref="PlatformException"/>.</summary>
    protected Task<Answer> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken) =>
        SendAcceptingAsync(request, alsoAccepted: null, cancellationToken);

    /// <summary>As <see cref="SendAsync"/>, also returning an answer of <paramref name="alsoAccepted"/> (a protocol's own non-2xx step).</summary>
    protected async Task<Answer> SendAcceptingAsync(HttpRequestMessage request, HttpStatusCode? alsoAccepted, CancellationToken cancellationToken)
    {
        if (UserAgent is { Length: > 0 } agent)
        {
            request.Headers.TryAddWithoutValidation("User-Agent", agent);
        }
        HttpResponseMessage response;
        try
        {
            SendWindow.Pass();
            response = await Http.SendAsync(request, cancellationToken);
        }
        catch (TaskCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            throw Fail(PlatformErrorKind.Transient, "The platform did not answer in time.");
        }
        catch (HttpRequestException exception)
        {
            throw Fail(PlatformErrorKind.Transient, $"The platform could not be reached ({exception.HttpRequestError}).");
        }
        using (response)
        {
            var body = await response.Content.ReadAsStringAsync(cancellationToken);
            var answer = new Answer(response.StatusCode, response.Headers, body);
            if (!response.IsSuccessStatusCode && response.StatusCode != alsoAccepted)
            {
                throw MapError(answer);
            }
            return answer;
        }
    }

    protected async Task<JsonElement> SendJsonAsync(HttpRequestMessage request, CancellationToken cancellationToken) =>
        Parse(await SendAsync(request, cancellationToken));

    /// <summary>How this platform says what went wrong; the default reads only the status code.</summary>
    protected virtual PlatformException MapError(Answer answer) => FromStatus(answer, $"The platform answered {(int)answer.Status}.");

    protected PlatformException FromStatus(Answer answer, string message, string? code = null) => answer.Status switch
    {
        HttpStatusCode.Unauthorized => Fail(PlatformErrorKind.TokenExpired, message, code: code),
        HttpStatusCode.TooManyRequests => Fail(PlatformErrorKind.RateLimited, message, RetryAfter(answer), code),
        HttpStatusCode.RequestTimeout => Fail(PlatformErrorKind.Transient, message, code: code),
        >= HttpStatusCode.InternalServerError => Fail(PlatformErrorKind.Transient, message, code: code),
        _ => Fail(PlatformErrorKind.Permanent, message, code: code),
    };

    /// <summary>RFC 6749 token-endpoint errors: a refused grant means the user must reconnect.</summary>
    protected PlatformException OAuthError(Answer answer)
    {
        var json = TryParse(answer.Body) is { ValueKind: JsonValueKind.Object } body ? body : (JsonElement?)null;
        var error = json is { } j && j.TryGetProperty("error", out var e) && e.ValueKind == JsonValueKind.String ? e.GetString() : null;
        // RFC 6749 section 5.2: error_description is the human-readable reason, kept for the account's status.
        var description = json is { } d ? Optional(d, "error_description") : null;
        return error switch
        {
            "invalid_grant" => Fail(PlatformErrorKind.TokenRevoked,
                $"The platform refused the grant (invalid_grant{(description is null ? "" : $": {description}")}).", code: error),
            "invalid_request" or "invalid_client" or "unauthorized_client" or "unsupported_grant_type" or "invalid_scope" =>
                Fail(PlatformErrorKind.Permanent, $"The platform refused the token request ({error}).", code: error),
            _ => FromStatus(answer, $"The token endpoint answered {(int)answer.Status}.", error),
        };
    }

    protected PlatformException Fail(PlatformErrorKind kind, string message, TimeSpan? retryAfter = null, string? code = null) =>
        new(Platform, kind, message, retryAfter, code);

    /// <summary>Runs a step that comes before the create call (a media upload): whatever fails in it, no post was created.</summary>
    protected static async Task<T> BeforeCreateAsync<T>(Func<Task<T>> step)
    {
        try
        {
            return await step();
        }
        catch (PlatformException failure) when (!failure.NothingCreated)
        {
            throw new PlatformException(failure.Platform, failure.Kind, failure.Message, failure.RetryAfter, failure.PlatformCode) { NothingCreated = true };
        }
    }

    protected JsonElement Parse(Answer answer) =>
        TryParse(answer.Body) ?? throw Fail(PlatformErrorKind.Transient, "The platform answered something that is not JSON.");

    protected static JsonElement? TryParse(string body)
    {
        if (string.IsNullOrWhiteSpace(body))
        {
            return null;
        }
        try
        {
            using var document = JsonDocument.Parse(body);
            return document.RootElement.Clone();
        }
        catch (JsonException)
        {
            return null;
        }
    }

    /// <summary>A required string field, or a transient failure: a 2xx without it is a garbled answer.</summary>
    protected string Required(JsonElement element, params string[] path)
    {
        var current = element;
        foreach (var name in path)
        {
            if (current.ValueKind != JsonValueKind.Object || !current.TryGetProperty(name, out current))
            {
                throw Fail(PlatformErrorKind.Transient, $"The platform's answer lacks '{string.Join('.', path)}'.");
            }
        }
        return current.ValueKind switch
        {
            JsonValueKind.String => current.GetString()!,
            JsonValueKind.Number => current.GetRawText(),
            _ => throw Fail(PlatformErrorKind.Transient, $"The platform's answer has no usable '{string.Join('.', path)}'."),
        };
    }

    protected static string? Optional(JsonElement element, params string[] path)
    {
        var current = element;
        foreach (var name in path)
        {
            if (current.ValueKind != JsonValueKind.Object || !current.TryGetProperty(name, out current))
            {
                return null;
            }
        }
        return current.ValueKind switch
        {
            JsonValueKind.String => current.GetString(),
            JsonValueKind.Number => current.GetRawText(),
            _ => null,
        };
    }

    protected static long? OptionalLong(JsonElement element, params string[] path) =>
        Optional(element, path) is { } text && long.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var value) ? value : null;

    protected DateTimeOffset? ExpiresIn(JsonElement json, string field = "expires_in") =>
        OptionalLong(json, field) is { } seconds and > 0 ? Clock.GetUtcNow().AddSeconds(seconds) : null;

    /// <summary>The standard token answer (access_token, refresh_token, expires_in, scope).</summary>
    protected TokenSet ReadTokenAnswer(JsonElement json, string? previousRefreshToken = null) => new(
        Required(json, "access_token"),
        Optional(json, "refresh_token") ?? previousRefreshToken,
        ExpiresIn(json),
        Optional(json, "scope") ?? "",
        ExpiresIn(json, "refresh_token_expires_in") ?? ExpiresIn(json, "refresh_expires_in"));

    protected static FormUrlEncodedContent Form(params (string Name, string? Value)[] fields) =>
        new(fields.Where(f => f.Value is not null).Select(f => new KeyValuePair<string, string>(f.Name, f.Value!)));

    protected static StringContent Json(object body) => new(JsonSerializer.Serialize(body), Encoding.UTF8, "application/json");

    protected static string Query(params (string Name, string? Value)[] fields) =>
        string.Join('&', fields.Where(f => f.Value is not null).Select(f => $"{Uri.EscapeDataString(f.Name)}={Uri.EscapeDataString(f.Value!)}"));

    protected static HttpRequestMessage Request(HttpMethod method, string url, string? bearer = null, HttpContent? content = null)
    {
        var request = new HttpRequestMessage(method, url) { Content = content };
        if (bearer is not null)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", bearer);
        }
        return request;
    }

    protected AuthenticationHeaderValue BasicClientAuth() =>
        new("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes($"{Options.ClientId}:{Options.ClientSecret}")));

    /// <summary>Fetches a media file's bytes for platforms that want an upload rather than a URL.</summary>
    protected async Task<byte[]> DownloadAsync(MediaItem media, CancellationToken cancellationToken)
    {
        try
        {
            return await Http.GetByteArrayAsync(media.Url, cancellationToken);
        }
        catch (HttpRequestException exception)
        {
            throw Fail(exception.StatusCode is >= HttpStatusCode.BadRequest and < HttpStatusCode.InternalServerError
                ? PlatformErrorKind.ContentRejected
                : PlatformErrorKind.Transient, "The media file could not be downloaded.");
        }
        catch (TaskCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            throw Fail(PlatformErrorKind.Transient, "The media file did not download in time.");
        }
    }

    protected static TimeSpan? RetryAfter(Answer answer)
    {
        if (answer.Headers.RetryAfter is { } retry)
        {
            return retry.Delta ?? (retry.Date is { } date ? date - DateTimeOffset.UtcNow : null);
        }
        return null;
    }

    protected static string? Header(Answer answer, string name) =>
        answer.Headers.TryGetValues(name, out var values) ? values.FirstOrDefault() : null;

    protected static string Url(string authorizeUrl, params (string Name, string? Value)[] query) =>
        authorizeUrl + (authorizeUrl.Contains('?', StringComparison.Ordinal) ? "&" : "?") + Query(query);
}
