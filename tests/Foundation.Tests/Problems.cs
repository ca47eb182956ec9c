using System.Net;
using System.Text.Json;
using Shouldly;

namespace Platform.Foundation.Tests;

internal static class Problems
{
    /// <summary>Asserts an RFC 9457 answer with <paramref name="status"/> and returns its body.</summary>
    public static async Task<JsonElement> ShouldBeProblemAsync(this HttpResponseMessage response, HttpStatusCode status)
    {
        var text = await response.Content.ReadAsStringAsync();
        response.StatusCode.ShouldBe(status, text);
        response.Content.Headers.ContentType?.MediaType.ShouldBe("application/problem+json", text);
        var problem = JsonDocument.Parse(text).RootElement;
        problem.GetProperty("status").GetInt32().ShouldBe((int)status);
        text.ShouldNotContain("   at ", customMessage: "no stack trace");
        text.ShouldNotContain("Npgsql", customMessage: "no database detail");
        return problem;
    }
}
