using System.Net.Http.Headers;
using System.Text.Json;

namespace Platform.PlatformConformance.Tests;

/// <summary>A platform server's answer as a raw HTTP call got it: status, headers and the JSON body (if any).</summary>
internal sealed record RawAnswer(int Status, HttpResponseHeaders Headers, JsonElement Body)
{
    public string? Header(string name) => Headers.TryGetValues(name, out var values) ? string.Join(",", values) : null;
}

/// <summary>Calls a platform server directly, as a provider's documentation shows a request, without our clients.</summary>
internal static class RawHttp
{
    private static readonly HttpClient Http = new();

    public static async Task<RawAnswer> GetAsync(string url, string? token, IReadOnlyDictionary<string, string>? headers = null)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, url);
        if (token is not null)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        }
        foreach (var (name, value) in headers ?? new Dictionary<string, string>())
        {
            request.Headers.TryAddWithoutValidation(name, value);
        }
        using var answer = await Http.SendAsync(request);
        var text = await answer.Content.ReadAsStringAsync();
        return new RawAnswer((int)answer.StatusCode, answer.Headers, text.Length > 0 ? JsonDocument.Parse(text).RootElement.Clone() : default);
    }
}
