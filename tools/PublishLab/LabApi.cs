using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;

namespace Platform.PublishLab;

/// <summary>A tenant owner, signed in through the host's real API, with the X accounts it connected.</summary>
internal sealed record LabTenant(Guid TenantId, string AccessToken, IReadOnlyList<Guid> Accounts);

/// <summary>The host's public API as the lab uses it; any host of the run serves any tenant (one database, one signing key).</summary>
internal static class LabApi
{
    private static readonly HttpClient Http = new(new SocketsHttpHandler { MaxConnectionsPerServer = 64 }) { Timeout = TimeSpan.FromSeconds(60) };

    public static async Task<LabTenant> RegisterWithAccountsAsync(string host, int accounts, string name)
    {
        var email = $"{name}-{Guid.NewGuid():N}@example.com";
        const string password = "publish-lab-password-1";
        await SendAsync(host, null, HttpMethod.Post, "/api/v1/auth/register", new { tenantName = name, email, password });
        var token = (await SendAsync(host, null, HttpMethod.Post, "/api/v1/auth/login", new { email, password })).GetProperty("accessToken").GetString()!;
        var tenantId = (await SendAsync(host, token, HttpMethod.Get, "/api/v1/me", null)).GetProperty("tenantId").GetGuid();
        var ids = new List<Guid>();
        for (var i = 0; i < accounts; i++)
        {
            ids.Add(await ConnectXAsync(host, token));
        }
        return new LabTenant(tenantId, token, ids);
    }

    /// <summary>The real OAuth flow: an authorize URL (its state), then the callback; the fake issues a new X user each time.</summary>
    private static async Task<Guid> ConnectXAsync(string host, string token)
    {
        const string redirect = "https://lab.example/callback";
        var auth = await SendAsync(host, token, HttpMethod.Get, $"/api/v1/social-accounts/auth-url/x?redirectUri={Uri.EscapeDataString(redirect)}", null);
        var connected = await SendAsync(host, token, HttpMethod.Post, "/api/v1/social-accounts/connect",
            new { platform = "x", code = "lab-code", state = auth.GetProperty("state").GetString(), redirectUri = redirect });
        return connected.GetProperty("accounts")[0].GetProperty("id").GetGuid();
    }

    /// <summary>
    /// Connects the platform's user through the host's connect flow as a browser would: the authorize URL, the consent
    /// at the platform (its redirect carries the code and our state back), then the code handed to the API.
    /// </summary>
    public static async Task<Guid> ConnectAsync(string host, LabTenant tenant, string slug)
    {
        // The redirect URI registered with each documented server (the app's registered callback).
        const string redirect = "https://app.example/oauth/callback";
        var auth = await SendAsync(host, tenant.AccessToken, HttpMethod.Get, $"/api/v1/social-accounts/auth-url/{slug}?redirectUri={Uri.EscapeDataString(redirect)}", null);
        using var browser = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false });
        using var consent = await browser.GetAsync(auth.GetProperty("authorizationUrl").GetString());
        var back = consent.Headers.Location is { } location
            ? Microsoft.AspNetCore.WebUtilities.QueryHelpers.ParseQuery(location.Query)
            : throw new InvalidOperationException($"The {slug} consent did not redirect back ({(int)consent.StatusCode}): {await consent.Content.ReadAsStringAsync()}");
        if (!back.TryGetValue("code", out var code))
        {
            throw new InvalidOperationException($"The {slug} consent refused: {consent.Headers.Location}");
        }
        var connected = await SendAsync(host, tenant.AccessToken, HttpMethod.Post, "/api/v1/social-accounts/connect",
            new { platform = slug, code = code.ToString(), state = back["state"].ToString(), redirectUri = redirect });
        return connected.GetProperty("accounts")[0].GetProperty("id").GetGuid();
    }

    /// <summary>A draft of <paramref name="type"/> with its media whose targets were built by the platform (its text and required fields).</summary>
    public static async Task<Guid> CreatePostAsync(string host, LabTenant tenant, string text, string type, IReadOnlyList<object> media, IReadOnlyList<object> targets)
    {
        var post = await SendAsync(host, tenant.AccessToken, HttpMethod.Post, "/api/v1/posts", new { title = "lab", content = text, type, media, targets });
        return post.GetProperty("id").GetGuid();
    }

    /// <summary>The ids of a Pinterest account's boards, as the API reads them from Pinterest.</summary>
    public static async Task<IReadOnlyList<string>> BoardsAsync(string host, LabTenant tenant, Guid account)
    {
        var boards = await SendAsync(host, tenant.AccessToken, HttpMethod.Get, $"/api/v1/social-accounts/{account}/boards", null);
        return [.. boards.GetProperty("boards").EnumerateArray().Select(b => b.GetProperty("id").GetString()!)];
    }

    /// <summary>A draft with one target per account, each with its own text (so every send is traceable).</summary>
    public static async Task<Guid> CreatePostAsync(string host, LabTenant tenant, IReadOnlyList<(Guid Account, string Text)> targets)
    {
        var post = await SendAsync(host, tenant.AccessToken, HttpMethod.Post, "/api/v1/posts", new
        {
            title = "lab",
            content = targets[0].Text,
            type = "text",
            targets = targets.Select(t => new { accountId = t.Account, customContent = t.Text }).ToArray(),
        });
        return post.GetProperty("id").GetGuid();
    }

    public static Task PublishNowAsync(string host, LabTenant tenant, Guid post) =>
        SendAsync(host, tenant.AccessToken, HttpMethod.Post, $"/api/v1/posts/{post}/publish", null);

    public static Task ScheduleAsync(string host, LabTenant tenant, Guid post, DateTimeOffset at) =>
        SendAsync(host, tenant.AccessToken, HttpMethod.Post, $"/api/v1/posts/{post}/schedule", new { scheduledAt = at.ToString("O") });

    /// <summary>A webhook subscription of <paramref name="tenant"/> to <paramref name="url"/> for the given event types.</summary>
    public static Task SubscribeAsync(string host, LabTenant tenant, string url, params string[] eventTypes) =>
        SendAsync(host, tenant.AccessToken, HttpMethod.Post, "/api/v1/webhooks", new { url, eventTypes });

    /// <summary>Sends as a well-behaved client: a 429 or 503 is tried again after its Retry-After (a few times).</summary>
    private static async Task<JsonElement> SendAsync(string host, string? token, HttpMethod method, string path, object? body)
    {
        for (var attempt = 1; ; attempt++)
        {
            using var request = new HttpRequestMessage(method, host + path) { Content = body is null ? null : JsonContent.Create(body) };
            if (token is not null)
            {
                request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
            }
            using var response = await Http.SendAsync(request);
            var text = await response.Content.ReadAsStringAsync();
            if (response.StatusCode is HttpStatusCode.TooManyRequests or HttpStatusCode.ServiceUnavailable && attempt < 10
                && response.Headers.RetryAfter?.Delta is { } wait)
            {
                await Task.Delay(wait);
                continue;
            }
            if (!response.IsSuccessStatusCode)
            {
                throw new InvalidOperationException($"{method} {path} answered {(int)response.StatusCode}: {text}");
            }
            return text.Length == 0 ? default : JsonDocument.Parse(text).RootElement.Clone();
        }
    }

    /// <summary>Runs <paramref name="work"/> over <paramref name="items"/> with bounded parallelism.</summary>
    public static Task ForEachAsync<T>(IEnumerable<T> items, int parallelism, Func<T, Task> work) =>
        Parallel.ForEachAsync(items, new ParallelOptions { MaxDegreeOfParallelism = parallelism }, async (item, _) => await work(item));
}
