using FluentValidation;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Platform.SharedKernel.Security;
using Platform.SharedKernel.Validation;
using Platform.SocialAccounts.Contracts;

namespace Platform.SocialAccounts.Features.CheckContent;

/// <summary>
/// Counts a draft the way each platform counts it and lists what each platform would refuse, so the composer shows
/// live counts and problems from the same rules publishing enforces. Stores nothing and calls no platform.
/// </summary>
internal static class CheckContentEndpoint
{
    public static void Map(IEndpointRouteBuilder group) =>
        group.MapPost("/content-check", Handle)
            .RequireAuthorization(Policies.Viewer)
            .Validate<CheckContentRequest>()
            .WithName("CheckSocialContent");

    public static Ok<CheckContentResponse> Handle(CheckContentRequest request, IContentRules rules)
    {
        var content = new PostContent(request.Text, null, request.Link, request.Title, request.BoardId, request.Subreddit, request.PrivacyLevel);
        return TypedResults.Ok(new CheckContentResponse([.. request.Platforms.Distinct().Select(platform => new PlatformContentCheck(
            platform, rules.CountLength(platform, request.Text ?? ""), rules.MaxTextLength(platform), rules.Check(platform, content).Violations))]));
    }
}
