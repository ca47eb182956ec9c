using Platform.SharedKernel.Security;

namespace Platform.Host.Logging;

/// <summary>Once authentication has run, names the caller (tenant, and user or API key) in the request's <see cref="RequestLogScope"/>.</summary>
internal sealed class RequestLogScopeMiddleware(RequestDelegate next)
{
    public Task InvokeAsync(HttpContext context)
    {
        if (context.Features.Get<RequestLogScope>() is { } scope && context.User.TenantId() is { } tenantId)
        {
            scope.TenantId = tenantId;
            scope.ApiKeyId = context.User.ApiKeyId();
            scope.UserId = context.User.UserId();
        }
        return next(context);
    }
}
