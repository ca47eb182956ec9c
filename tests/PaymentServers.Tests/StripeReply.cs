using System.Net.Http.Headers;
using System.Text.Json;

namespace Platform.PaymentServers.Tests;

/// <summary>What the server answered: status, headers and the JSON body.</summary>
internal sealed record StripeReply(int Status, HttpResponseHeaders Headers, string Text)
{
    public JsonElement Body => JsonDocument.Parse(Text).RootElement.Clone();

    public string? Header(string name) => Headers.TryGetValues(name, out var values) ? string.Join(',', values) : null;

    public string ErrorType => Body.GetProperty("error").GetProperty("type").GetString()!;

    public string? ErrorParam => Body.GetProperty("error").TryGetProperty("param", out var param) ? param.GetString() : null;

    public string Id => Body.GetProperty("id").GetString()!;
}
