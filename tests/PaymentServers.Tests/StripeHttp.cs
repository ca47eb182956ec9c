using System.Net.Http.Headers;
using System.Text;

namespace Platform.PaymentServers.Tests;

/// <summary>Raw calls as Stripe's API reference shows them (curl with form fields), without any Stripe client library.</summary>
internal static class StripeHttp
{
    private static readonly HttpClient Http = new();

    public static Task<StripeReply> PostAsync(StripeServer server, string path, IEnumerable<KeyValuePair<string, string>> form,
        string? idempotencyKey = null, string? apiKey = null) =>
        SendAsync(HttpMethod.Post, server.Url + path, apiKey ?? server.SecretKey, new FormUrlEncodedContent(form), idempotencyKey);

    public static Task<StripeReply> PostAsync(StripeServer server, string path, params (string Key, string Value)[] form) =>
        PostAsync(server, path, form.Select(pair => new KeyValuePair<string, string>(pair.Key, pair.Value)));

    public static Task<StripeReply> GetAsync(StripeServer server, string pathAndQuery, string? apiKey = null) =>
        SendAsync(HttpMethod.Get, server.Url + pathAndQuery, apiKey ?? server.SecretKey, null, null);

    public static async Task<StripeReply> SendAsync(HttpMethod method, string url, string? apiKey, HttpContent? content, string? idempotencyKey,
        string scheme = "Bearer")
    {
        using var request = new HttpRequestMessage(method, url) { Content = content };
        if (apiKey is not null)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue(scheme, apiKey);
        }
        if (idempotencyKey is not null)
        {
            request.Headers.Add("Idempotency-Key", idempotencyKey);
        }
        using var answer = await Http.SendAsync(request);
        return new StripeReply((int)answer.StatusCode, answer.Headers, await answer.Content.ReadAsStringAsync());
    }

    public static StringContent Json(string json) => new(json, Encoding.UTF8, "application/json");
}
