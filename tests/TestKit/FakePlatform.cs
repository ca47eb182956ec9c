using System.Collections.Concurrent;
using System.Text;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Net.Http.Headers;

namespace Platform.TestKit;

/// <summary>A request as the fake platform received it.</summary>
public sealed record RecordedRequest(string Method, string Path, string Query, IReadOnlyDictionary<string, string> Headers, string Body, byte[] RawBody)
{
    public string? Header(string name) => Headers.TryGetValue(name.ToLowerInvariant(), out var value) ? value : null;

    public Dictionary<string, string> Form() => Parse(Body);

    public Dictionary<string, string> QueryValues() => Parse(Query.TrimStart('?'));

    /// <summary>The parts of a multipart/form-data body, in the order they were sent.</summary>
    public IReadOnlyList<FormPart> MultipartForm()
    {
        var boundary = HeaderUtilities.RemoveQuotes(MediaTypeHeaderValue.Parse(Header("Content-Type")).Boundary).Value!;
        var reader = new MultipartReader(boundary, new MemoryStream(RawBody));
        var parts = new List<FormPart>();
        while (reader.ReadNextSectionAsync().GetAwaiter().GetResult() is { } section)
        {
            var disposition = ContentDispositionHeaderValue.Parse(section.ContentDisposition);
            using var body = new StreamReader(section.Body);
            parts.Add(new FormPart(HeaderUtilities.RemoveQuotes(disposition.Name).Value!, HeaderUtilities.RemoveQuotes(disposition.FileName).Value,
                section.ContentType, body.ReadToEnd()));
        }
        return parts;
    }

    private static Dictionary<string, string> Parse(string encoded) => encoded.Split('&', StringSplitOptions.RemoveEmptyEntries)
        .Select(pair => pair.Split('=', 2))
        .ToDictionary(p => Uri.UnescapeDataString(p[0].Replace('+', ' ')), p => p.Length > 1 ? Uri.UnescapeDataString(p[1].Replace('+', ' ')) : "");
}

public sealed record FormPart(string Name, string? FileName, string? ContentType, string Body);

public sealed record FakeResponse(int Status, string Body = "", string ContentType = "application/json", IReadOnlyDictionary<string, string>? Headers = null, TimeSpan? Delay = null)
{
    public static FakeResponse Json(string body, int status = 200, IReadOnlyDictionary<string, string>? headers = null) => new(status, body, Headers: headers);
}

/// <summary>
/// A local HTTP server (127.0.0.1, random port) that answers as a platform documents, per method and path, and
/// records every request so tests can assert exactly what was sent. Unscripted routes answer 404.
/// </summary>
public sealed class FakePlatform : IAsyncDisposable
{
    private readonly WebApplication app;
    private readonly ConcurrentDictionary<string, Func<RecordedRequest, FakeResponse>> routes = new();
    private readonly ConcurrentQueue<RecordedRequest> received = new();

    private FakePlatform(WebApplication app) => this.app = app;

    public string Url { get; private set; } = "";

    public IReadOnlyList<RecordedRequest> Requests => [.. received];

    public static async Task<FakePlatform> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var app = builder.Build();
        var fake = new FakePlatform(app);
        app.Run(fake.HandleAsync);
        await app.StartAsync();
        fake.Url = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        return fake;
    }

    public FakePlatform On(string method, string path, Func<RecordedRequest, FakeResponse> respond)
    {
        routes[$"{method} {path}"] = respond;
        return this;
    }

    public FakePlatform On(string method, string path, FakeResponse response) => On(method, path, _ => response);

    public void Reset()
    {
        routes.Clear();
        received.Clear();
    }

    public IReadOnlyList<RecordedRequest> To(string method, string path) =>
        Requests.Where(r => r.Method == method && r.Path == path).ToList();

    public RecordedRequest Single(string method, string path) => To(method, path) switch
    {
        [var only] => only,
        var many => throw new InvalidOperationException($"Expected one {method} {path}, got {many.Count}: {string.Join(", ", Requests.Select(r => $"{r.Method} {r.Path}"))}"),
    };

    private async Task HandleAsync(HttpContext context)
    {
        using var buffer = new MemoryStream();
        await context.Request.Body.CopyToAsync(buffer);
        var raw = buffer.ToArray();
        var request = new RecordedRequest(
            context.Request.Method, context.Request.Path.Value ?? "", context.Request.QueryString.Value ?? "",
            context.Request.Headers.ToDictionary(h => h.Key.ToLowerInvariant(), h => h.Value.ToString()),
            Encoding.UTF8.GetString(raw), raw);
        received.Enqueue(request);
        if (!routes.TryGetValue($"{request.Method} {request.Path}", out var respond))
        {
            context.Response.StatusCode = 404;
            await context.Response.WriteAsync("""{"error":"not scripted"}""");
            return;
        }
        var response = respond(request);
        if (response.Delay is { } delay)
        {
            try
            {
                await Task.Delay(delay, context.RequestAborted);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
        context.Response.StatusCode = response.Status;
        foreach (var (name, value) in response.Headers ?? new Dictionary<string, string>())
        {
            context.Response.Headers[name] = value;
        }
        if (response.Body.Length > 0)
        {
            context.Response.ContentType = response.ContentType;
            await context.Response.WriteAsync(response.Body);
        }
    }

    public async ValueTask DisposeAsync()
    {
        await app.StopAsync();
        await app.DisposeAsync();
    }
}
