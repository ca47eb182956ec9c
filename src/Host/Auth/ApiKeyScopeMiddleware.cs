using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Platform.SharedKernel.Security;

namespace Platform.Host.Auth;

/// <summary>
/// Lets an API key reach an endpoint only when the endpoint declares a scope (<see cref="RequiredScope"/>) and the key holds
/// it (or checks each operation's scope itself, <see cref="ScopesCheckedPerCall"/>); otherwise 403 problem details naming the missing scope in <c>requiredScope</c>. Keys, users, members and billing
/// declare none, so no key manages them. Person tokens pass untouched: their role decides.
/// </summary>
internal sealed class ApiKeyScopeMiddleware(RequestDelegate next)
{
    public async Task InvokeAsync(HttpContext context, IProblemDetailsService problemDetails)
    {
        var endpoint = context.GetEndpoint();
        if (context.User.ApiKeyId() is null || endpoint is null || endpoint.Metadata.GetMetadata<IAllowAnonymous>() is not null)
        {
            await next(context);
            return;
        }
        var required = endpoint.Metadata.GetMetadata<RequiredScope>();
        if ((required is not null && context.User.HasScope(required.Scope)) || endpoint.Metadata.GetMetadata<ScopesCheckedPerCall>() is not null)
        {
            await next(context);
            return;
        }
        var problem = new ProblemDetails
        {
            Status = StatusCodes.Status403Forbidden,
            Title = "Forbidden",
            Detail = required is null
                ? "API keys cannot call this endpoint; sign in as a person."
                : $"This API key lacks the scope '{required.Scope.Name()}' this endpoint needs.",
        };
        if (required is not null)
        {
            problem.Extensions["requiredScope"] = required.Scope.Name();
        }
        context.Response.StatusCode = StatusCodes.Status403Forbidden;
        await problemDetails.WriteAsync(new ProblemDetailsContext { HttpContext = context, ProblemDetails = problem });
    }
}
