using System.Net.Http.Json;

namespace Platform.Foundation.Tests.Auth;

/// <summary>Requests that name their client in X-Forwarded-For, as a reverse proxy in front of the host would.</summary>
internal static class ForwardedRequests
{
    public static async Task<HttpResponseMessage> PostForAsync(this HttpClient client, string forwardedFor, string path, HttpContent content)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = content };
        request.Headers.Add("X-Forwarded-For", forwardedFor);
        return await client.SendAsync(request);
    }

    public static Task<HttpResponseMessage> LoginForAsync(this HttpClient client, string forwardedFor, string email, string password) =>
        client.PostForAsync(forwardedFor, "/api/v1/auth/login", JsonContent.Create(new { email, password }));
}
