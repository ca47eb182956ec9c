using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Authentication;
using Platform.Host.Auth;
using Platform.SharedKernel.Security;

namespace Platform.Host.Jobs;

/// <summary>
/// Ending the dashboard session takes an antiforgery token, like the dashboard's own buttons: the cookie is already
/// SameSite=Strict, and the token check stands behind it should a browser not honour that. The working sign-out is
/// <see cref="DashboardPath"/> under /hangfire, where the session cookie (Path=/hangfire) reaches, so the token is checked
/// against the administrator it was issued to.
/// </summary>
internal static class DashboardSignOut
{
    /// <summary>Relative to the dashboard's root.</summary>
    public const string DashboardPath = "/logout";

    /// <summary>The form field the dashboard's sign-out form carries the token in (ASP.NET Core's default name).</summary>
    public const string TokenField = "__RequestVerificationToken";

    public static void MapDashboardSignOut(this WebApplication app, string dashboardRoot)
    {
        app.MapPost(dashboardRoot + DashboardPath, SignOutAsync)
            .RequireAuthorization(Policies.PlatformAdmin)
            .DisableAntiforgery()
            .ExcludeFromDescription();
    }

    // The token is checked here rather than by the framework's antiforgery middleware, whose failure would not answer
    // problem details; the endpoints opt out of that middleware for the same reason.
    private static async Task<IResult> SignOutAsync(HttpContext context, IAntiforgery antiforgery)
    {
        if (!await antiforgery.IsRequestValidAsync(context))
        {
            return Results.Problem(statusCode: StatusCodes.Status400BadRequest, title: "Missing or invalid antiforgery token",
                detail: "Sign out with the form on a dashboard page.");
        }
        await context.SignOutAsync(AuthenticationSetup.DashboardScheme);
        return Results.Redirect("/hangfire-login");
    }
}
