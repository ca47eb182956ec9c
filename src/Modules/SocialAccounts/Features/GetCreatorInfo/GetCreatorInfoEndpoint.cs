using System.Globalization;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Platform.SharedKernel.Errors;
using Platform.SharedKernel.Security;
using Platform.SocialAccounts.Content;
using Platform.SocialAccounts.Contracts;

namespace Platform.SocialAccounts.Features.GetCreatorInfo;

/// <summary>
/// What the TikTok creator may post now, for the posting form TikTok's guidelines ask for
/// (https://developers.tiktok.com/doc/content-sharing-guidelines): the privacy levels to choose from, the longest video,
/// and the interactions the creator turned off. Asked of TikTok's creator info
/// (https://developers.tiktok.com/doc/content-posting-api-reference-query-creator-info), cached for a minute.
/// </summary>
internal static class GetCreatorInfoEndpoint
{
    public static void Map(IEndpointRouteBuilder group) =>
        group.MapGet("/{id:guid}/tiktok/creator-info", HandleAsync)
            .RequireAuthorization(Policies.Viewer)
            .WithName("GetTikTokCreatorInfo");

    public static async Task<Ok<CreatorInfoResponse>> HandleAsync(Guid id, AccountTargetChecks checks, CancellationToken cancellationToken)
    {
        try
        {
            var creator = await checks.CreatorInfoAsync(id, cancellationToken);
            return TypedResults.Ok(new CreatorInfoResponse(creator.Username, creator.Nickname, creator.PrivacyLevelOptions,
                creator.CommentDisabled, creator.DuetDisabled, creator.StitchDisabled, creator.MaxVideoPostDurationSeconds));
        }
        catch (KeyNotFoundException)
        {
            throw ProblemException.NotFound("The social account");
        }
        catch (NotTikTokException other)
        {
            throw ProblemException.BadRequest(other.Message);
        }
        catch (PlatformException failure)
        {
            throw Problem(failure);
        }
    }

    /// <summary>TikTok's own words reach the caller; the status says whose move it is.</summary>
    private static ProblemException Problem(PlatformException failure)
    {
        var extensions = new Dictionary<string, object?> { ["platform"] = failure.Platform.Slug(), ["platformError"] = failure.Kind.ToString() };
        return failure.Kind switch
        {
            PlatformErrorKind.TokenExpired or PlatformErrorKind.TokenRevoked =>
                new ProblemException(409, "Reconnect needed", $"TikTok no longer accepts this account's authorization; reconnect it. ({failure.Message})", extensions),
            PlatformErrorKind.RateLimited => new ProblemException(429, "Platform rate limit", failure.Message,
                new Dictionary<string, object?>(extensions)
                {
                    ["retryAfterSeconds"] = failure.RetryAfter is { } wait ? Math.Ceiling(wait.TotalSeconds).ToString(CultureInfo.InvariantCulture) : null,
                }),
            _ => new ProblemException(502, "Platform error", failure.Message, extensions),
        };
    }
}
