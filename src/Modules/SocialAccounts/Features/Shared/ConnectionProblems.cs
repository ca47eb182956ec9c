using System.Globalization;
using Platform.SharedKernel.Errors;
using Platform.SocialAccounts.Contracts;
using Platform.SocialAccounts.Platforms;

namespace Platform.SocialAccounts.Features.Shared;

/// <summary>
/// What talking to a platform for an account answers as problem details: an unknown platform, one without a client id
/// here, and the platform refusing or failing during connect or while reading the account's boards or creator info.
/// </summary>
internal static class ConnectionProblems
{
    public static SocialPlatform ParsePlatform(string value) =>
        SocialPlatforms.TryParse(value, out var platform)
            ? platform
            : throw new ProblemException(404, "Unknown platform",
                $"'{value}' is not a supported platform. Supported: {string.Join(", ", SocialPlatforms.All.Select(p => p.Slug()))}.");

    public static void EnsureConfigured(IPlatformClient client)
    {
        if (string.IsNullOrWhiteSpace(client.Options.ClientId))
        {
            throw new ProblemException(503, "Platform not configured",
                $"{client.Platform} has no client id on this server (Platforms:{client.Platform}:ClientId).");
        }
    }

    /// <summary>A failure while talking to the platform during connect: its refusal is the caller's 4xx, its breakdown a 502.</summary>
    public static ProblemException FromConnect(PlatformException failure)
    {
        var extensions = new Dictionary<string, object?> { ["platform"] = failure.Platform.Slug(), ["platformError"] = failure.Kind.ToString() };
        return failure.Kind switch
        {
            PlatformErrorKind.Transient => new ProblemException(502, "Platform unavailable",
                $"{failure.Platform} did not answer properly; nothing was connected. Try again.", extensions),
            PlatformErrorKind.RateLimited => new ProblemException(429, "Platform rate limit",
                $"{failure.Platform} is rate limiting us; nothing was connected.",
                new Dictionary<string, object?>(extensions)
                {
                    ["retryAfterSeconds"] = failure.RetryAfter is { } wait ? Math.Ceiling(wait.TotalSeconds).ToString(CultureInfo.InvariantCulture) : null,
                }),
            _ => new ProblemException(400, "Authorization rejected",
                $"{failure.Platform} rejected the authorization; start the connection again.", extensions),
        };
    }

    /// <summary>A failure reading an account's data from its platform: the platform's own words reach the caller, the status says whose move it is.</summary>
    public static ProblemException FromAccountRead(PlatformException failure)
    {
        var extensions = new Dictionary<string, object?> { ["platform"] = failure.Platform.Slug(), ["platformError"] = failure.Kind.ToString() };
        return failure.Kind switch
        {
            PlatformErrorKind.TokenExpired or PlatformErrorKind.TokenRevoked => new ProblemException(409, "Reconnect needed",
                $"{failure.Platform} no longer accepts this account's authorization; reconnect it. ({failure.Message})", extensions),
            PlatformErrorKind.RateLimited => new ProblemException(429, "Platform rate limit", failure.Message,
                new Dictionary<string, object?>(extensions)
                {
                    ["retryAfterSeconds"] = failure.RetryAfter is { } wait ? Math.Ceiling(wait.TotalSeconds).ToString(CultureInfo.InvariantCulture) : null,
                }),
            _ => new ProblemException(502, "Platform error", failure.Message, extensions),
        };
    }
}
