using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Platform.PlatformServers.Hosting;

namespace Platform.PlatformServers.Meta;

/// <summary>A Graph API call as the node/edge model reads it: <c>/{version}/{node}/{edge}</c> plus its parameters.</summary>
public sealed record GraphCall(string Method, string Node, string? Edge, IReadOnlyDictionary<string, string> Parameters, string? AccessToken)
{
    public string? this[string name] => Parameters.TryGetValue(name, out var value) ? value : null;

    /// <summary>The <c>fields</c> parameter as a list (comma-separated).</summary>
    public IReadOnlyList<string> Fields => (this["fields"] ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    /// <summary>The requested fields without their modifiers or expansions (<c>comments.limit(0)</c> is <c>comments</c>).</summary>
    public IReadOnlyList<string> FieldNames => [.. Fields.Select(f => f.Split('.', '{')[0])];
}

/// <summary>
/// What every Graph API host (graph.facebook.com, graph.instagram.com, graph.threads.net) shares, written from
/// https://developers.facebook.com/docs/graph-api/overview (nodes, edges, fields; an optional version prefix),
/// https://developers.facebook.com/docs/graph-api/overview/versioning, https://developers.facebook.com/docs/graph-api/guides/error-handling
/// (the error object {message, type, code, error_subcode, is_transient, fbtrace_id}; code 190 for an invalid token,
/// 1 and 2 transient, 4, 17, 32 and 613 for throttling) and https://developers.facebook.com/docs/graph-api/overview/rate-limiting
/// (X-App-Usage and X-Business-Use-Case-Usage headers; estimated_time_to_regain_access in minutes).
/// Parameters come from the query string, a form body or a JSON body, the access token from <c>access_token</c> or an
/// <c>Authorization: Bearer</c> header (https://developers.facebook.com/docs/facebook-login/guides/access-tokens).
/// </summary>
public abstract partial class GraphServer(string clientId, string clientSecret) : PlatformServer(clientId, clientSecret)
{
    private long nextId = 17_841_400_000_000_000;

    public string RegisteredRedirectUri { get; set; } = "https://app.example/oauth/callback";

    protected override void Map(IEndpointRouteBuilder routes) =>
        routes.MapMethods("/{**path}", ["GET", "POST", "DELETE"], (Delegate)DispatchAsync);

    /// <summary>Answers one call, or null when the node or edge does not exist here (Graph error 100, subcode 33).</summary>
    protected abstract Task<IResult?> AnswerAsync(HttpContext context, GraphCall call);

    private async Task<IResult> DispatchAsync(HttpContext context, string? path)
    {
        var segments = (path ?? "").Split('/', StringSplitOptions.RemoveEmptyEntries).ToList();
        if (segments.Count > 0 && Version().IsMatch(segments[0]))
        {
            segments.RemoveAt(0);
        }
        if (segments.Count is 0 or > 2)
        {
            return NoSuchObject(context.Request.Method, string.Join('/', segments));
        }
        var parameters = context.Request.Query.ToDictionary(q => q.Key, q => q.Value.ToString(), StringComparer.Ordinal);
        if (context.Request.HasFormContentType)
        {
            foreach (var (key, value) in await context.Request.ReadFormAsync())
            {
                parameters[key] = value.ToString();
            }
        }
        else if (HasContentType(context, "application/json"))
        {
            var body = (await JsonDocument.ParseAsync(context.Request.Body)).RootElement;
            foreach (var property in body.EnumerateObject())
            {
                parameters[property.Name] = property.Value.ValueKind == JsonValueKind.String ? property.Value.GetString()! : property.Value.GetRawText();
            }
        }
        var token = parameters.GetValueOrDefault("access_token") ?? Bearer(context);
        var call = new GraphCall(context.Request.Method, segments[0], segments.Count == 2 ? segments[1] : null, parameters, token);
        return await AnswerAsync(context, call) ?? NoSuchObject(call.Method, segments[0]);
    }

    /// <summary>
    /// The call's token is valid and carries every scope: otherwise 190 (invalid, expired: subcode 463, invalidated:
    /// subcode 460) or 10/200 for a permission not granted (error-handling, "Error Codes").
    /// </summary>
    protected IResult? Authorized(GraphCall call, out IssuedToken token, params string[] scopes)
    {
        var (problem, issued) = Grants.Check(call.AccessToken);
        token = issued!;
        switch (problem)
        {
            case TokenProblem.None:
                break;
            case TokenProblem.Missing:
                return Error(400, "An active access token must be used to query information about the current user.", "OAuthException", 2500);
            case TokenProblem.Expired:
                return Error(400, "Error validating access token: Session has expired.", "OAuthException", 190, 463);
            case TokenProblem.Revoked:
                return Error(400, "Error validating access token: The session has been invalidated because the user changed their password or Facebook has changed the session for security reasons.",
                    "OAuthException", 190, 460);
            default:
                return Error(400, "Invalid OAuth access token - Cannot parse access token", "OAuthException", 190);
        }
        var missing = scopes.Where(s => !issued!.Scopes.Contains(s)).ToList();
        return missing.Count == 0 ? null : Error(403, $"(#10) Application does not have permission for this action: {string.Join(',', missing)}", "OAuthException", 10);
    }

    protected static IResult Error(int status, string message, string type, int code, int? subcode = null, bool? transient = null, IDictionary<string, string>? headers = null)
    {
        var error = new Dictionary<string, object> { ["message"] = message, ["type"] = type, ["code"] = code, ["fbtrace_id"] = TraceId() };
        if (subcode is { } sub)
        {
            error["error_subcode"] = sub;
        }
        if (transient is { } isTransient)
        {
            error["is_transient"] = isTransient;
        }
        return Json(new { error }, status, headers);
    }

    /// <summary>A missing parameter or a value the endpoint does not take: (#100), OAuthException.</summary>
    protected static IResult InvalidParameter(string message) => Error(400, $"(#100) {message}", "OAuthException", 100);

    /// <summary>
    /// The node's answer to its <c>fields</c> parameter: "you can use the fields parameter to specify which fields to
    /// return" and without it a node answers its default fields (https://developers.facebook.com/docs/graph-api/overview#fields);
    /// <c>id</c> always comes back. A field the node type does not have is refused as (#100) "Tried accessing nonexisting
    /// field"; a field it has but holds no value for is left out, as Graph leaves out empty fields. Modifiers and field
    /// expansion (<c>name.limit(1)</c>, <c>name{sub}</c>, https://developers.facebook.com/docs/graph-api/field-expansion)
    /// are read as the bare field name.
    /// </summary>
    protected static IResult? SelectFields(GraphCall call, string nodeType, IReadOnlyCollection<string> fields, IReadOnlyDictionary<string, object?> values,
        IReadOnlyList<string> defaults, out Dictionary<string, object?> view)
    {
        var requested = call.Fields.Count == 0 ? defaults : call.FieldNames;
        view = new Dictionary<string, object?>(StringComparer.Ordinal) { ["id"] = values["id"] };
        foreach (var field in requested)
        {
            if (!fields.Contains(field))
            {
                return InvalidParameter($"Tried accessing nonexisting field ({field}) on node type ({nodeType})");
            }
            if (values.TryGetValue(field, out var value) && value is not null)
            {
                view[field] = value;
            }
        }
        return null;
    }

    protected static IResult NoSuchObject(string method, string node) =>
        Error(400, $"Unsupported {method.ToLowerInvariant()} request. Object with ID '{node}' does not exist, cannot be loaded due to missing permissions, or does not support this operation.",
            "GraphMethodException", 100, 33);

    protected string NewId() => Interlocked.Increment(ref nextId).ToString(CultureInfo.InvariantCulture);

    protected static string Timestamp(DateTimeOffset at) => at.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'+0000'", CultureInfo.InvariantCulture);

    /// <summary>
    /// Whether the media URL answers 200 and with which media type, as the platform fetches ("cURLs") the media
    /// (https://developers.facebook.com/docs/instagram-platform/content-publishing/#requirements).
    /// </summary>
    protected static async Task<(bool Fetched, string? ContentType)> FetchAsync(string? url)
    {
        if (!Uri.TryCreate(url, UriKind.Absolute, out var uri) || (uri.Scheme != "http" && uri.Scheme != "https"))
        {
            return (false, null);
        }
        try
        {
            using var answer = await MediaFetcher.Client.GetAsync(uri, HttpCompletionOption.ResponseHeadersRead);
            return (answer.IsSuccessStatusCode, answer.Content.Headers.ContentType?.MediaType);
        }
        catch (Exception failure) when (failure is HttpRequestException or TaskCanceledException)
        {
            return (false, null);
        }
    }

    private static string TraceId() => Convert.ToBase64String(Guid.NewGuid().ToByteArray())[..11];

    // error-handling: codes 1 (API Unknown) and 2 (API Service) are temporary; retry later.
    protected override IResult ServerError(int status, string step) =>
        Error(status, "An unexpected error has occurred. Please retry your request later.", "OAuthException", 2, transient: true);

    // error-handling: 17 "API User Too Many Calls" (throttling; wait and retry). rate-limiting: Business Use Case
    // calls report X-Business-Use-Case-Usage with estimated_time_to_regain_access (minutes); without a planned wait only
    // X-App-Usage is sent. The pages name no HTTP status for throttling; Graph answers errors as 4xx, 400 here.
    protected override IResult RateLimited(HttpContext context, TimeSpan? retryAfter)
    {
        var headers = new Dictionary<string, string> { ["X-App-Usage"] = """{"call_count":100,"total_cputime":25,"total_time":25}""" };
        if (retryAfter is { } wait)
        {
            var minutes = (int)Math.Ceiling(wait.TotalMinutes);
            headers["X-Business-Use-Case-Usage"] =
                $$"""{"{{BusinessId}}":[{"type":"pages","call_count":100,"total_cputime":25,"total_time":25,"estimated_time_to_regain_access":{{minutes}}}]}""";
        }
        return Error(400, "(#17) User request limit reached", "OAuthException", 17, transient: true, headers: headers);
    }

    /// <summary>The business object the usage header is keyed by (a Page or IG user id).</summary>
    protected virtual string BusinessId => "0";

    [GeneratedRegex(@"^v\d+\.\d+$")]
    private static partial Regex Version();
}
