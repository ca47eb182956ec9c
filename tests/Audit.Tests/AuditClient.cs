using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Platform.TestKit;
using Shouldly;

namespace Platform.Audit.Tests;

/// <summary>Reading the audit log through the API, and asserting problem details answers.</summary>
internal static class AuditClient
{
    /// <summary>One page of <c>GET /api/v1/audit</c> with <paramref name="query"/> (without the leading '?').</summary>
    public static async Task<(IReadOnlyList<JsonElement> Items, string? NextCursor)> ReadAuditAsync(this TestAccount admin, string query = "")
    {
        var response = await admin.Client.GetAsync($"/api/v1/audit?{query}");
        response.StatusCode.ShouldBe(HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
        var page = await response.Content.ReadFromJsonAsync<JsonElement>();
        var next = page.GetProperty("nextCursor");
        return (page.GetProperty("items").EnumerateArray().ToList(), next.ValueKind == JsonValueKind.Null ? null : next.GetString());
    }

    /// <summary>The newest entry of <paramref name="action"/> on <paramref name="resourceId"/>; fails when there is none.</summary>
    public static async Task<JsonElement> SingleEntryAsync(this TestAccount admin, string action, Guid? resourceId = null)
    {
        var query = $"action={action}" + (resourceId is { } id ? $"&resourceId={id}" : "");
        var (items, _) = await admin.ReadAuditAsync(query);
        items.Count.ShouldBe(1, $"one '{action}' entry expected");
        return items[0];
    }

    public static async Task<JsonElement> ShouldBeProblemAsync(this HttpResponseMessage response, HttpStatusCode status)
    {
        var text = await response.Content.ReadAsStringAsync();
        response.StatusCode.ShouldBe(status, text);
        response.Content.Headers.ContentType?.MediaType.ShouldBe("application/problem+json", text);
        return JsonDocument.Parse(text).RootElement;
    }

    public static async Task<JsonElement> CreatedAsync(this HttpResponseMessage response)
    {
        response.StatusCode.ShouldBe(HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    public static string? Text(this JsonElement element, string property) =>
        element.GetProperty(property) is { ValueKind: JsonValueKind.String } value ? value.GetString() : null;
}
