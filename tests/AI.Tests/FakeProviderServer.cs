using System.Collections.Concurrent;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Platform.AI.Tests;

/// <summary>A request the fake server received, as sent on the wire.</summary>
internal sealed record ReceivedRequest(string Method, string Path, IReadOnlyDictionary<string, string> Headers, string Body)
{
    public JsonElement Json => JsonDocument.Parse(Body).RootElement;
}

internal sealed record ScriptedResponse(int Status, string Body, IReadOnlyDictionary<string, string>? Headers = null, TimeSpan Delay = default);

/// <summary>
/// A real HTTP server on 127.0.0.1 and a random port that answers as a provider documents it: scripted answers
/// first (in order), then the default answer of the path. It records every request for assertions.
/// </summary>
internal sealed class FakeProviderServer : IAsyncDisposable
{
    private readonly WebApplication app;
    private readonly ConcurrentDictionary<string, ConcurrentQueue<ScriptedResponse>> scripts = new();
    private readonly ConcurrentDictionary<string, Func<ReceivedRequest, ScriptedResponse>> defaults = new();

    private FakeProviderServer(WebApplication app) => this.app = app;

    public ConcurrentQueue<ReceivedRequest> Received { get; } = new();

    public string BaseUrl { get; private set; } = "";

    public IEnumerable<ReceivedRequest> On(string path) => Received.Where(r => r.Path == path);

    public static async Task<FakeProviderServer> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var server = new FakeProviderServer(builder.Build());
        server.app.Run(server.AnswerAsync);
        await server.app.StartAsync();
        server.BaseUrl = server.app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        return server;
    }

    public void Default(string path, Func<ReceivedRequest, ScriptedResponse> answer) => defaults[path] = answer;

    public void Script(string path, params ScriptedResponse[] responses)
    {
        var queue = scripts.GetOrAdd(path, _ => new ConcurrentQueue<ScriptedResponse>());
        foreach (var response in responses)
        {
            queue.Enqueue(response);
        }
    }

    public void Reset()
    {
        Received.Clear();
        scripts.Clear();
    }

    private async Task AnswerAsync(HttpContext context)
    {
        using var reader = new StreamReader(context.Request.Body, Encoding.UTF8);
        var body = await reader.ReadToEndAsync();
        var request = new ReceivedRequest(context.Request.Method, context.Request.Path.Value ?? "",
            context.Request.Headers.ToDictionary(h => h.Key.ToLowerInvariant(), h => h.Value.ToString()), body);
        Received.Enqueue(request);
        var answer = scripts.TryGetValue(request.Path, out var queue) && queue.TryDequeue(out var scripted)
            ? scripted
            : defaults.TryGetValue(request.Path, out var fallback) ? fallback(request) : new ScriptedResponse(404, """{"error":{"message":"no such path","type":"invalid_request_error","param":null,"code":null}}""");
        if (answer.Delay > TimeSpan.Zero)
        {
            await Task.Delay(answer.Delay, context.RequestAborted);
        }
        context.Response.StatusCode = answer.Status;
        context.Response.ContentType = "application/json";
        foreach (var (name, value) in answer.Headers ?? new Dictionary<string, string>())
        {
            context.Response.Headers[name] = value;
        }
        await context.Response.WriteAsync(answer.Body);
    }

    public async ValueTask DisposeAsync()
    {
        await app.StopAsync();
        await app.DisposeAsync();
    }
}

/// <summary>Bodies shaped as OpenAI and Anthropic document them.</summary>
internal static class ProviderBodies
{
    public static ScriptedResponse OpenAiChat(string content, int promptTokens, int completionTokens, string model = "gpt-4o-mini-2024-07-18") => new(200, JsonSerializer.Serialize(new
    {
        id = "chatcmpl-test",
        @object = "chat.completion",
        created = 1732000000,
        model,
        choices = new[] { new { index = 0, message = new { role = "assistant", content, refusal = (string?)null }, logprobs = (object?)null, finish_reason = "stop" } },
        usage = new { prompt_tokens = promptTokens, completion_tokens = completionTokens, total_tokens = promptTokens + completionTokens },
    }));

    public static ScriptedResponse OpenAiError(int status, string type, string? code, IReadOnlyDictionary<string, string>? headers = null) =>
        new(status, JsonSerializer.Serialize(new { error = new { message = "scripted failure", type, param = (string?)null, code } }), headers);

    public static ScriptedResponse OpenAiModeration(bool flagged, string? category = null) => new(200, JsonSerializer.Serialize(new
    {
        id = "modr-test",
        model = "omni-moderation-latest",
        results = new[]
        {
            new
            {
                flagged,
                categories = Categories(c => flagged && c == category),
                category_scores = Categories(c => flagged && c == category ? 0.97 : 0.001),
            },
        },
    }));

    public static ScriptedResponse OpenAiImage(string b64) => new(200, JsonSerializer.Serialize(new
    {
        created = 1732000000,
        data = new[] { new { b64_json = b64 } },
        usage = new { input_tokens = 50, output_tokens = 1056, total_tokens = 1106 },
    }));

    public static ScriptedResponse AnthropicMessage(string text, int inputTokens, int outputTokens, string model = "claude-sonnet-5-5") => new(200, JsonSerializer.Serialize(new
    {
        id = "msg_test",
        type = "message",
        role = "assistant",
        model,
        content = new[] { new { type = "text", text } },
        stop_reason = "end_turn",
        stop_sequence = (string?)null,
        usage = new { input_tokens = inputTokens, output_tokens = outputTokens, cache_creation_input_tokens = 0, cache_read_input_tokens = 0 },
    }), new Dictionary<string, string> { ["request-id"] = "req_test" });

    public static ScriptedResponse AnthropicError(int status, string type, IReadOnlyDictionary<string, string>? headers = null) =>
        new(status, JsonSerializer.Serialize(new { type = "error", error = new { type, message = "scripted failure" } }), headers);

    private static readonly string[] ModerationCategories =
    [
        "hate", "hate/threatening", "harassment", "harassment/threatening", "illicit", "illicit/violent", "self-harm",
        "self-harm/intent", "self-harm/instructions", "sexual", "sexual/minors", "violence", "violence/graphic",
    ];

    private static Dictionary<string, T> Categories<T>(Func<string, T> value) => ModerationCategories.ToDictionary(c => c, value);
}
