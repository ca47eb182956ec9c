using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using ModelContextProtocol;
using ModelContextProtocol.Client;
using ModelContextProtocol.Protocol;
using Platform.TestKit;
using Shouldly;

namespace Platform.Agents.Tests;

/// <summary>API keys made through the REST API, and the MCP SDK's own client calling the host's <c>/mcp</c> with one.</summary>
internal static class AgentClients
{
    public static readonly string[] AllScopes = ["posts:read", "posts:write", "publish", "accounts:read", "analytics:read", "ai:generate", "media:write"];

    /// <summary>Creates a key as <paramref name="admin"/>; returns its id and the secret shown this once.</summary>
    public static async Task<(Guid Id, string Key)> CreateKeyAsync(this TestAccount admin, params string[] scopes)
    {
        var response = await admin.Client.PostAsJsonAsync("/api/v1/api-keys", new { name = "Agent", scopes });
        response.StatusCode.ShouldBe(HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        return (body.GetProperty("id").GetGuid(), body.GetProperty("key").GetString()!);
    }

    /// <summary>An MCP client over Streamable HTTP, sending <paramref name="key"/> as its bearer token on every request.</summary>
    public static async Task<McpClient> ConnectAgentAsync(this PlatformApp app, string key)
    {
        var transport = new HttpClientTransport(
            new HttpClientTransportOptions
            {
                Endpoint = new Uri(app.Server.BaseAddress, "/mcp"),
                TransportMode = HttpTransportMode.StreamableHttp,
                AdditionalHeaders = new Dictionary<string, string> { ["Authorization"] = "Bearer " + key },
            },
            app.CreateClient(),
            ownsHttpClient: true);
        return await McpClient.CreateAsync(transport);
    }

    /// <summary>Calls a tool that must succeed; answers the JSON of its text.</summary>
    public static async Task<JsonElement> CallOkAsync(this McpClient client, string tool, IReadOnlyDictionary<string, object?>? arguments = null)
    {
        var result = await client.CallToolAsync(tool, arguments);
        var text = TextOf(result);
        result.IsError.ShouldNotBe(true, text);
        return JsonDocument.Parse(text).RootElement.Clone();
    }

    /// <summary>
    /// Calls a tool that must fail as MCP says a tool fails, never as an HTTP 500: a result with <c>isError</c>, or a JSON-RPC
    /// error; answers the error's text.
    /// </summary>
    public static async Task<string> CallFailingAsync(this McpClient client, string tool, IReadOnlyDictionary<string, object?>? arguments = null)
    {
        try
        {
            var result = await client.CallToolAsync(tool, arguments);
            result.IsError.ShouldBe(true, TextOf(result));
            return TextOf(result);
        }
        catch (McpProtocolException error)
        {
            return error.Message;
        }
    }

    private static string TextOf(CallToolResult result) => string.Concat(result.Content.OfType<TextContentBlock>().Select(c => c.Text));
}
