using System.Net.Http.Json;
using Platform.TestKit;

namespace Platform.Audit.Tests;

/// <summary>
/// The real host on Kestrel, trusting its loopback peer as a reverse proxy, so a request can name its client address in
/// X-Forwarded-For and the audit log's address can be checked exactly.
/// </summary>
internal static class AuditHost
{
    public const string CorrelationHeader = "X-Correlation-Id";

    public static PlatformApp Start(IDictionary<string, string?>? settings = null)
    {
        var values = new Dictionary<string, string?>
        {
            ["ForwardedHeaders:KnownProxies:0"] = "::1",
            ["ForwardedHeaders:KnownNetworks:0"] = "127.0.0.0/8",
            // Nothing runs behind the tests' backs (the retention job is run by hand).
            ["Hangfire:ServerEnabled"] = "false",
        };
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
        {
            values[key] = value;
        }
        var app = new PlatformApp(values);
        app.UseKestrel(0);
        app.StartServer();
        return app;
    }

    /// <summary>A sign-in as a proxy would forward it, from <paramref name="client"/> with a correlation id.</summary>
    public static async Task<HttpResponseMessage> LoginFromAsync(
        this PlatformApp app, string client, string correlationId, string email, string password, string? code = null)
    {
        using var http = app.CreateClient();
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/auth/login") { Content = JsonContent.Create(new { email, password, code }) };
        request.Headers.Add("X-Forwarded-For", client);
        request.Headers.Add(CorrelationHeader, correlationId);
        return await http.SendAsync(request);
    }
}
