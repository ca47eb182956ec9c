using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;

namespace Platform.Analytics.Tests.Platforms;

/// <summary>Calls a platform server directly, as a lenient client would, to check what the server itself refuses.</summary>
internal static class ServerCalls
{
    private static readonly HttpClient Http = new();

    public static async Task<(int Status, JsonElement Body)> SendAsync(HttpMethod method, string url, string token, string? json = null, IDictionary<string, string>? headers = null)
    {
        using var request = new HttpRequestMessage(method, url);
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        foreach (var (name, value) in headers ?? new Dictionary<string, string>())
        {
            request.Headers.Add(name, value);
        }
        if (json is not null)
        {
            request.Content = new StringContent(json, Encoding.UTF8, "application/json");
        }
        using var answer = await Http.SendAsync(request);
        var text = await answer.Content.ReadAsStringAsync();
        return ((int)answer.StatusCode, text.Length == 0 ? default : JsonDocument.Parse(text).RootElement);
    }

    public static Task<(int Status, JsonElement Body)> GetAsync(string url, string token) => SendAsync(HttpMethod.Get, url, token);

    /// <summary>The Graph error code of an answer.</summary>
    public static int GraphCode(JsonElement body) => body.GetProperty("error").GetProperty("code").GetInt32();
}
