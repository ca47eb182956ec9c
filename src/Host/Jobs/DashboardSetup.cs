using Hangfire;
using Hangfire.Dashboard;
using Microsoft.AspNetCore.Authentication;
using System.Globalization;
using System.Net;
using System.Security.Claims;
using Platform.Host.Auth;
using Platform.Host.Jobs.Publishing;
using Platform.SharedKernel.Security;
using Platform.Users.Contracts;

namespace Platform.Host.Jobs;

/// <summary>
/// The Hangfire dashboard at /hangfire for platform administrators only. A browser does not send the SPA's
/// bearer token, so administrators sign in once at /hangfire-login and carry an HttpOnly, SameSite=Strict cookie. Besides
/// Hangfire's jobs it shows publishing across tenants (<see cref="PublishingDashboard"/>), each page view audited.
/// </summary>
internal static class DashboardSetup
{
    private const string Root = "/hangfire";

    public static void MapPlatformDashboard(this WebApplication app)
    {
        app.MapHangfireDashboardWithAuthorizationPolicy(Policies.PlatformAdmin, Root, new DashboardOptions
        {
            DashboardTitle = "Platform jobs",
            DisplayStorageConnectionString = false,
            AppPath = null,
            // Hangfire checks the antiforgery token of every POST (retry, delete, trigger) when IAntiforgery is registered.
            IgnoreAntiforgeryToken = false,
        });

        app.MapGet("/hangfire-login", () => Results.Content(LoginPage(null), "text/html"))
            .AllowAnonymous()
            .ExcludeFromDescription();
        app.MapPost("/hangfire-login", SignInAsync)
            .AllowAnonymous()
            .DisableAntiforgery()
            .ExcludeFromDescription();
        app.MapDashboardSignOut(Root);
    }

    /// <summary>
    /// The dashboard's services: antiforgery, which Hangfire uses once registered (its pages carry the token and its POST
    /// buttons are refused, 403, without it; see DashboardOptions.IgnoreAntiforgeryToken, left false).
    /// </summary>
    public static IServiceCollection AddPlatformDashboard(this IServiceCollection services)
    {
        services.AddAntiforgery();
        PublishingDashboard.Register();
        return services;
    }

    private static async Task<IResult> SignInAsync(HttpContext context, IPlatformAdminSignIn signIn)
    {
        if (!context.Request.HasFormContentType)
        {
            return Results.Problem(statusCode: 415, title: "Unsupported media type", detail: "Post the sign-in form.");
        }
        var form = await context.Request.ReadFormAsync(context.RequestAborted);
        var result = await signIn.VerifyAsync(
            form["email"].ToString(), form["password"].ToString(), form["code"].ToString() is { Length: > 0 } code ? code : null,
            context.Connection.RemoteIpAddress, context.RequestAborted);
        if (result is not { Outcome: PlatformAdminSignInOutcome.SignedIn, Admin: { } admin })
        {
            return Refusal(context, result);
        }
        var identity = new ClaimsIdentity(
            [
                new Claim(PlatformClaims.UserId, admin.UserId.ToString()),
                new Claim(ClaimTypes.Email, admin.Email),
                new Claim(PlatformClaims.PlatformAdmin, "true"),
            ],
            AuthenticationSetup.DashboardScheme, PlatformClaims.UserId, PlatformClaims.Role);
        await context.SignInAsync(AuthenticationSetup.DashboardScheme, new ClaimsPrincipal(identity));
        return Results.Redirect("/hangfire");
    }

    private static IResult Refusal(HttpContext context, PlatformAdminSignInResult result)
    {
        if (result.Outcome == PlatformAdminSignInOutcome.Throttled)
        {
            var seconds = result.RetryAfterSeconds;
            context.Response.Headers.RetryAfter = seconds.ToString(CultureInfo.InvariantCulture);
            return Results.Content(
                LoginPage($"Too many failed sign-ins from your address; try again in {seconds} second{(seconds == 1 ? "" : "s")}."),
                "text/html", statusCode: StatusCodes.Status429TooManyRequests);
        }
        var message = result.Outcome == PlatformAdminSignInOutcome.SecondFactorRequired
            ? "Enter the code from your authenticator app, or a recovery code."
            : "The email or password is wrong, or the account is not a platform administrator.";
        return Results.Content(LoginPage(message), "text/html", statusCode: StatusCodes.Status401Unauthorized);
    }

    private static string LoginPage(string? error) => $$"""
        <!doctype html>
        <html lang="en"><head><meta charset="utf-8"><title>Platform jobs: sign in</title>
        <style>body{font-family:sans-serif;max-width:22rem;margin:4rem auto}label,input,button{display:block;width:100%;margin:.4rem 0}</style></head>
        <body><h1>Platform jobs</h1>
        {{(error is null ? "" : $"<p role=\"alert\">{WebUtility.HtmlEncode(error)}</p>")}}
        <form method="post" action="/hangfire-login">
        <label>Email <input name="email" type="email" required autocomplete="username"></label>
        <label>Password <input name="password" type="password" required autocomplete="current-password"></label>
        <label>Authenticator code (if enrolled) <input name="code" inputmode="numeric" autocomplete="one-time-code"></label>
        <button type="submit">Sign in</button></form></body></html>
        """;
}
