using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Platform.TestKit;
using Shouldly;

namespace Platform.ApiKeys.Tests;

/// <summary>Creating keys through the API and calling it with them.</summary>
internal static class ApiKeyClients
{
    /// <summary>Creates a key as <paramref name="admin"/>; returns its id and the secret text shown this once.</summary>
    public static async Task<(Guid Id, string Key)> CreateKeyAsync(this TestAccount admin, params string[] scopes)
    {
        var response = await admin.Client.PostAsJsonAsync("/api/v1/api-keys", new { name = "Integration", scopes });
        response.StatusCode.ShouldBe(HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        return (body.GetProperty("id").GetGuid(), body.GetProperty("key").GetString()!);
    }

    public static HttpClient WithKey(this PlatformApp app, string key)
    {
        var client = app.CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", key);
        return client;
    }

    /// <summary>Asserts an RFC 9457 answer with <paramref name="status"/> and returns its body.</summary>
    public static async Task<JsonElement> ShouldBeProblemAsync(this HttpResponseMessage response, HttpStatusCode status)
    {
        var text = await response.Content.ReadAsStringAsync();
        response.StatusCode.ShouldBe(status, text);
        response.Content.Headers.ContentType?.MediaType.ShouldBe("application/problem+json", text);
        return JsonDocument.Parse(text).RootElement;
    }
}
