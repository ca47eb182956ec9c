using System.Collections.Concurrent;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Platform.PlatformServers.Hosting;

/// <summary>A request as a platform server received it (headers lower-cased), for assertions on what was sent.</summary>
public sealed record ReceivedRequest(string Method, string Path, string Query, IReadOnlyDictionary<string, string> Headers, byte[] Body)
{
    public string? Header(string name) => Headers.TryGetValue(name.ToLowerInvariant(), out var value) ? value : null;

    public string Text => Encoding.UTF8.GetString(Body);
}

/// <summary>
/// A stateful local platform (Kestrel on 127.0.0.1, random port) written from the provider's documentation. Subclasses
/// map the documented routes; this base hosts them, records every request, serves media files for the platform to
/// pull or our clients to download, and applies the shared <see cref="FaultPlan"/> around each accepting step.
/// </summary>
public abstract class PlatformServer : IAsyncDisposable
{
    private readonly ConcurrentQueue<ReceivedRequest> received = new();
    private readonly ConcurrentDictionary<string, (byte[] Bytes, string ContentType)> media = new(StringComparer.Ordinal);
    private WebApplication? app;

    protected PlatformServer(string clientId, string clientSecret) => Grants = new OAuthGrants(clientId, clientSecret, Faults);

    public FaultPlan Faults { get; } = new();

    public OAuthGrants Grants { get; }

    public string Url { get; private set; } = "";

    public IReadOnlyList<ReceivedRequest> Requests => [.. received];

    /// <summary>The setting values (<c>AuthorizeUrl</c>, <c>TokenUrl</c>, <c>ApiBaseUrl</c>, <c>RevokeUrl</c>) that point a client here.</summary>
    public abstract IReadOnlyDictionary<string, string> Endpoints { get; }

    /// <summary>
    /// The host settings under <c>Platforms:{platform}:</c> that point that platform's client here: this server's client
    /// credentials and endpoints, and no waits between status polls (at most five).
    /// </summary>
    public Dictionary<string, string?> ClientSettings(string platform)
    {
        var section = $"Platforms:{platform}:";
        var settings = new Dictionary<string, string?>
        {
            [section + "ClientId"] = Grants.ClientId,
            [section + "ClientSecret"] = Grants.ClientSecret,
            [section + "PollIntervalSeconds"] = "0",
            [section + "MaxPolls"] = "5",
        };
        foreach (var (key, value) in Endpoints)
        {
            settings[section + key] = value;
        }
        return settings;
    }

    public async Task StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.WebHost.ConfigureKestrel(kestrel => kestrel.Limits.MaxRequestBodySize = null);
        builder.Logging.ClearProviders();
        app = builder.Build();
        app.Use(async (context, next) =>
        {
            context.Request.EnableBuffering();
            using var buffer = new MemoryStream();
            await context.Request.Body.CopyToAsync(buffer);
            context.Request.Body.Position = 0;
            received.Enqueue(new ReceivedRequest(context.Request.Method, context.Request.Path.Value ?? "", context.Request.QueryString.Value ?? "",
                context.Request.Headers.ToDictionary(h => h.Key.ToLowerInvariant(), h => h.Value.ToString()), buffer.ToArray()));
            await next(context);
        });
        app.MapGet("/media/{**name}", (string name) => media.TryGetValue(name, out var file)
            ? Results.Bytes(file.Bytes, file.ContentType)
            : Results.NotFound());
        Map(app);
        // A route the documentation does not have: named in the answer so a test failure says what was called.
        app.MapFallback((HttpContext context) => Json(new { error = new { code = 404, message = $"No such route: {context.Request.Method} {context.Request.Path}{context.Request.QueryString}", errors = new[] { new { reason = $"notFound {context.Request.Method} {context.Request.Path}" } } } }, 404));
        await app.StartAsync();
        Url = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
    }

    /// <summary>Serves <paramref name="bytes"/> at a URL on this server (a public media URL as our posts carry them).</summary>
    public string HostMedia(string name, byte[] bytes, string contentType)
    {
        media[name] = (bytes, contentType);
        return $"{Url}/media/{name}";
    }

    public IReadOnlyList<ReceivedRequest> RequestsTo(string method, string path) =>
        Requests.Where(r => r.Method == method && r.Path == path).ToList();

    protected abstract void Map(IEndpointRouteBuilder routes);

    /// <summary>The platform's documented answer to a 5xx fault on <paramref name="step"/>.</summary>
    protected abstract IResult ServerError(int status, string step);

    /// <summary>The platform's documented rate-limit answer (429), with Retry-After when planned.</summary>
    protected abstract IResult RateLimited(HttpContext context, TimeSpan? retryAfter);

    /// <summary>
    /// Runs an accepting step under the fault plan: a planned 5xx or 429 answers before <paramref name="accept"/>
    /// commits anything; a planned lost answer lets it commit, then cuts the connection or holds the answer until the
    /// client has gone.
    /// </summary>
    protected async Task<IResult> StepAsync(HttpContext context, string step, Func<Task<IResult>> accept)
    {
        var fault = Faults.Take(step);
        switch (fault)
        {
            case Fault.ServerError error:
                return ServerError(error.Status, step);
            case Fault.RateLimited limited:
                return RateLimited(context, limited.RetryAfter);
        }
        var result = await accept();
        if (fault is Fault.AnswerLost lost)
        {
            if (lost.How == LostAnswer.Hold)
            {
                try
                {
                    await Task.Delay(Timeout.Infinite, context.RequestAborted);
                }
                catch (OperationCanceledException)
                {
                }
            }
            context.Abort();
            return Results.Empty;
        }
        if (Faults.AnswerDelay(step) is { } delay)
        {
            try
            {
                await Task.Delay(delay, context.RequestAborted);
            }
            catch (OperationCanceledException)
            {
                return Results.Empty;
            }
        }
        return result;
    }

    protected Task<IResult> StepAsync(HttpContext context, string step, Func<IResult> accept) => StepAsync(context, step, () => Task.FromResult(accept()));

    /// <summary>The bearer token of the request, if the Authorization header carries one in the documented form.</summary>
    protected static string? Bearer(HttpContext context, bool caseInsensitiveScheme = true)
    {
        var header = context.Request.Headers.Authorization.ToString();
        const string scheme = "Bearer ";
        return header.StartsWith(scheme, caseInsensitiveScheme ? StringComparison.OrdinalIgnoreCase : StringComparison.Ordinal)
            ? header[scheme.Length..].Trim()
            : null;
    }

    /// <summary>Client id and secret from an HTTP Basic Authorization header.</summary>
    protected static (string? Id, string? Secret) BasicCredentials(HttpContext context)
    {
        var header = context.Request.Headers.Authorization.ToString();
        if (!header.StartsWith("Basic ", StringComparison.OrdinalIgnoreCase))
        {
            return (null, null);
        }
        try
        {
            var pair = Encoding.UTF8.GetString(Convert.FromBase64String(header[6..].Trim())).Split(':', 2);
            return pair.Length == 2 ? (pair[0], pair[1]) : (null, null);
        }
        catch (FormatException)
        {
            return (null, null);
        }
    }

    protected static bool HasContentType(HttpContext context, string mediaType) =>
        context.Request.ContentType?.Split(';')[0].Trim().Equals(mediaType, StringComparison.OrdinalIgnoreCase) == true;

    /// <summary>A string property of a JSON object, or null when absent or not a string.</summary>
    protected static string? Text(JsonElement element, string name) =>
        element.ValueKind == JsonValueKind.Object && element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;

    /// <summary>A Retry-After header (seconds) when a wait was planned, none otherwise.</summary>
    protected static Dictionary<string, string>? RetryAfterHeader(TimeSpan? retryAfter) =>
        retryAfter is { } wait ? new Dictionary<string, string> { ["Retry-After"] = ((int)wait.TotalSeconds).ToString(System.Globalization.CultureInfo.InvariantCulture) } : null;

    protected static IResult Json(object body, int status = 200, IDictionary<string, string>? headers = null) =>
        new JsonAnswer(body, status, headers);

    public async ValueTask DisposeAsync()
    {
        if (app is not null)
        {
            await app.StopAsync();
            await app.DisposeAsync();
        }
        GC.SuppressFinalize(this);
    }

    // Field names exactly as each server writes them (snake_case, camelCase): platforms differ.
    private static readonly JsonSerializerOptions AsWritten = new();

    private sealed class JsonAnswer(object body, int status, IDictionary<string, string>? headers) : IResult
    {
        public Task ExecuteAsync(HttpContext httpContext)
        {
            httpContext.Response.StatusCode = status;
            foreach (var (name, value) in headers ?? new Dictionary<string, string>())
            {
                httpContext.Response.Headers[name] = value;
            }
            httpContext.Response.ContentType = "application/json; charset=utf-8";
            return httpContext.Response.WriteAsync(JsonSerializer.Serialize(body, body.GetType(), AsWritten));
        }
    }
}
