using System.Text;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;
using Platform.ApiKeys.Contracts;
using Platform.SharedKernel.Security;
using Platform.SharedKernel.Tenancy;
using Platform.Users.Contracts;

namespace Platform.Host.Auth;

internal static class AuthenticationSetup
{
    public const string DashboardScheme = "Dashboard";
    /// <summary>The default: a bearer credential goes to the API-key scheme when it has a key's prefix, else to JWT.</summary>
    public const string BearerOrApiKeyScheme = "BearerOrApiKey";

    public static IServiceCollection AddPlatformAuthentication(this IServiceCollection services)
    {
        services.AddOptions<JwtOptions>().BindConfiguration(JwtOptions.Section).ValidateOnStart();
        services.AddSingleton<IValidateOptions<JwtOptions>, JwtOptionsValidator>();
        services.AddSingleton<ValidatedTokenCache>();

        services.AddAuthentication(BearerOrApiKeyScheme)
            .AddPolicyScheme(BearerOrApiKeyScheme, "User token or API key", options => options.ForwardDefaultSelector = context =>
                BearerCredential.Of(context.Request) is { } credential && ApiKeyFormat.LooksLikeApiKey(credential)
                    ? ApiKeyAuthenticationHandler.SchemeName
                    : JwtBearerDefaults.AuthenticationScheme)
            .AddScheme<AuthenticationSchemeOptions, ApiKeyAuthenticationHandler>(ApiKeyAuthenticationHandler.SchemeName, _ => { })
            .AddJwtBearer(options =>
            {
                options.MapInboundClaims = false;
                options.TokenValidationParameters = new TokenValidationParameters
                {
                    ValidAlgorithms = [SecurityAlgorithms.HmacSha256],
                    ClockSkew = TimeSpan.FromSeconds(30),
                    NameClaimType = PlatformClaims.UserId,
                    RoleClaimType = PlatformClaims.Role,
                };
                options.Events = new JwtBearerEvents
                {
                    OnMessageReceived = AcceptKnownTokenAsync,
                    OnTokenValidated = AcceptValidatedTokenAsync,
                    OnChallenge = async context =>
                    {
                        context.HandleResponse();
                        var detail = context.AuthenticateFailure is null
                            ? "This endpoint needs a bearer access token."
                            : "The access token is invalid, expired or revoked.";
                        await WriteProblemAsync(context.HttpContext, 401, "Unauthorized", detail);
                    },
                    OnForbidden = context => WriteProblemAsync(context.HttpContext, 403, "Forbidden", "Your role does not allow this."),
                };
            })
            .AddCookie(DashboardScheme, options =>
            {
                options.Cookie.Name = "platform_dashboard";
                options.Cookie.HttpOnly = true;
                options.Cookie.SameSite = SameSiteMode.Strict;
                options.Cookie.Path = "/hangfire";
                options.ExpireTimeSpan = TimeSpan.FromHours(8);
                options.SlidingExpiration = false;
                options.Events = new CookieAuthenticationEvents
                {
                    OnRedirectToLogin = context => WriteProblemAsync(context.HttpContext, 401, "Unauthorized", "Sign in at /hangfire-login first."),
                    OnRedirectToAccessDenied = context => WriteProblemAsync(context.HttpContext, 403, "Forbidden", "Only platform administrators may open the dashboard."),
                };
            });

        // The key is read when the options are first used, after validation, never from a default; registered after
        // AddJwtBearer, whose configuration sets the other validation parameters first.
        services.AddOptions<JwtBearerOptions>(JwtBearerDefaults.AuthenticationScheme)
            .Configure<IOptions<JwtOptions>>((options, jwtOptions) =>
            {
                var jwt = jwtOptions.Value;
                options.TokenValidationParameters.ValidIssuer = jwt.Issuer;
                options.TokenValidationParameters.ValidAudience = jwt.Audience;
                options.TokenValidationParameters.IssuerSigningKey = new SymmetricSecurityKey(Encoding.UTF8.GetBytes(jwt.SigningKey));
            });

        services.AddAuthorizationBuilder()
            // An API key has no role: the scopes checked by ApiKeyScopeMiddleware stand in for it, on viewer and editor
            // endpoints and those that name a scope for keys (AdminOrKey); administration refuses keys whatever their scopes.
            .AddPolicy(Policies.Viewer, policy => policy.RequireAuthenticatedUser().RequireAssertion(c => c.User.Role() >= TenantRole.Viewer || c.User.ApiKeyId() is not null))
            .AddPolicy(Policies.Editor, policy => policy.RequireAuthenticatedUser().RequireAssertion(c => c.User.Role() >= TenantRole.Editor || c.User.ApiKeyId() is not null))
            .AddPolicy(Policies.Admin, policy => policy.RequireAuthenticatedUser().RequireAssertion(c => c.User.Role() >= TenantRole.Admin))
            .AddPolicy(Policies.AdminOrKey, policy => policy.RequireAuthenticatedUser().RequireAssertion(c => c.User.Role() >= TenantRole.Admin || c.User.ApiKeyId() is not null))
            .AddPolicy(Policies.Owner, policy => policy.RequireAuthenticatedUser().RequireAssertion(c => c.User.Role() >= TenantRole.Owner))
            .AddPolicy(Policies.ApiKey, policy => policy
                .AddAuthenticationSchemes(ApiKeyAuthenticationHandler.SchemeName)
                .RequireAuthenticatedUser()
                .RequireAssertion(c => c.User.ApiKeyId() is not null))
            .AddPolicy(Policies.PlatformAdmin, policy => policy
                .AddAuthenticationSchemes(DashboardScheme, JwtBearerDefaults.AuthenticationScheme)
                .RequireAuthenticatedUser()
                .RequireClaim(PlatformClaims.PlatformAdmin, "true"));
        return services;
    }

    /// <summary>A token this host verified before skips the signature work, never the check that it is still current.</summary>
    private static async Task AcceptKnownTokenAsync(MessageReceivedContext context)
    {
        if (BearerCredential.Of(context.Request) is not { } token)
        {
            return;
        }
        if (!context.HttpContext.RequestServices.GetRequiredService<ValidatedTokenCache>().TryGet(token, out var principal))
        {
            return;
        }
        if (await IsCurrentAsync(principal, context.HttpContext))
        {
            context.Principal = principal;
            context.Success();
        }
        else
        {
            context.Fail("The access token has been revoked.");
        }
    }

    private static async Task AcceptValidatedTokenAsync(TokenValidatedContext context)
    {
        if (!await IsCurrentAsync(context.Principal!, context.HttpContext))
        {
            context.Fail("The access token has been revoked.");
            return;
        }
        if (context.SecurityToken is JsonWebToken token)
        {
            context.HttpContext.RequestServices.GetRequiredService<ValidatedTokenCache>().Add(token.EncodedToken, context.Principal!, token.ValidTo);
        }
    }

    /// <summary>
    /// A well-signed token is honoured only while its user is active and its version current; the tenant
    /// it names becomes the request's tenant, which is what row-level security filters on, except on anonymous endpoints.
    /// </summary>
    private static async Task<bool> IsCurrentAsync(System.Security.Claims.ClaimsPrincipal principal, HttpContext httpContext)
    {
        var userId = principal.UserId();
        var tenantId = principal.TenantId();
        var version = int.TryParse(principal.FindFirst(PlatformClaims.TokenVersion)?.Value, out var v) ? v : -1;
        var services = httpContext.RequestServices;
        if (userId is null || tenantId is null || principal.Role() is null ||
            !await services.GetRequiredService<IAccessTokenGate>().IsCurrentAsync(userId.Value, tenantId.Value, version, httpContext.RequestAborted))
        {
            return false;
        }
        // An anonymous endpoint (registration, sign-in, refresh) acts for the tenant it looks up itself, never for a
        // token the caller happens to send along.
        if (httpContext.GetEndpoint()?.Metadata.GetMetadata<IAllowAnonymous>() is null)
        {
            services.GetRequiredService<TenantContext>().Set(tenantId.Value, userId.Value);
        }
        return true;
    }

    internal static Task WriteProblemAsync(HttpContext context, int status, string title, string detail)
    {
        // The dashboard policy challenges two schemes; the first one to answer wins.
        if (context.Response.HasStarted)
        {
            return Task.CompletedTask;
        }
        context.Response.StatusCode = status;
        return context.RequestServices.GetRequiredService<IProblemDetailsService>().WriteAsync(new ProblemDetailsContext
        {
            HttpContext = context,
            ProblemDetails = new ProblemDetails { Status = status, Title = title, Detail = detail },
        }).AsTask();
    }
}
