using System.Net.Http.Headers;
using System.Text.Json;

namespace Platform.PlatformConformance.Tests;

/// <summary>A platform server's answer as a raw HTTP call got it: status, headers and the JSON body (if any).</summary>
internal sealed record RawAnswer(int Status, HttpResponseHeaders Headers, JsonElement Body)
{
    public string? Header(string name) => Headers.TryGetValues(name, out var values) ? string.Join(",", values) : null;
}
