using Microsoft.Extensions.FileProviders;

namespace Platform.Host.WebApp;

/// <summary>
/// Answers the app's own routes (<c>/accounts</c>, <c>/sign-in</c>, ...) with index.html so that a reload or a shared
/// link opens the app, which then routes in the browser. Only GET and HEAD that no endpoint took, outside the paths the
/// host answers itself, and not naming a file: a missing asset or an unknown API route keeps its 404.
/// </summary>
internal sealed class SpaFallbackMiddleware(RequestDelegate next, IFileProvider files)
{
    private static readonly string[] HostOwnedPrefixes = ["/api", "/mcp", "/swagger", "/hangfire", "/hangfire-login", "/health", "/metrics"];

    public Task InvokeAsync(HttpContext context)
    {
        var index = files.GetFileInfo("index.html");
        if (!IsAppRoute(context) || !index.Exists)
        {
            return next(context);
        }
        WebAppHeaders.Apply(context);
        context.Response.ContentType = "text/html; charset=utf-8";
        context.Response.ContentLength = index.Length;
        return HttpMethods.IsHead(context.Request.Method) ? Task.CompletedTask : context.Response.SendFileAsync(index, context.RequestAborted);
    }

    private static bool IsAppRoute(HttpContext context)
    {
        var request = context.Request;
        if (!(HttpMethods.IsGet(request.Method) || HttpMethods.IsHead(request.Method)) || context.GetEndpoint() is not null)
        {
            return false;
        }
        var path = request.Path;
        if (HostOwnedPrefixes.Any(prefix => path.StartsWithSegments(prefix, StringComparison.OrdinalIgnoreCase)))
        {
            return false;
        }
        var lastSegment = path.Value?[(path.Value.LastIndexOf('/') + 1)..] ?? "";
        return !lastSegment.Contains('.', StringComparison.Ordinal);
    }
}
