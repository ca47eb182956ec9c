using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Platform.SharedKernel.Errors;
using Platform.SharedKernel.Security;
using Platform.SocialAccounts.Content;
using Platform.SocialAccounts.Contracts;
using Platform.SocialAccounts.Features.Shared;
using Platform.SocialAccounts.Platforms.TikTok;

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
            throw ConnectionProblems.FromAccountRead(failure);
        }
    }
}
