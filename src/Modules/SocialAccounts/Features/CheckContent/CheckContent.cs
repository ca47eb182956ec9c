using FluentValidation;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Platform.SharedKernel.Security;
using Platform.SharedKernel.Validation;
using Platform.SocialAccounts.Contracts;

namespace Platform.SocialAccounts.Features.CheckContent;

/// <summary>A draft's text and options, and the platforms it is meant for.</summary>
internal sealed record CheckContentRequest(
    IReadOnlyList<SocialPlatform> Platforms, string? Text, string? Link = null, string? Title = null, string? BoardId = null,
    string? Subreddit = null, string? PrivacyLevel = null);

/// <param name="Length">The text's length as the platform counts it.</param>
/// <param name="MaxLength">The longest text the platform takes, in the same units.</param>
internal sealed record PlatformContentCheck(SocialPlatform Platform, int Length, int MaxLength, IReadOnlyList<ContentViolation> Violations);

internal sealed record CheckContentResponse(IReadOnlyList<PlatformContentCheck> Checks);

internal sealed class CheckContentValidator : AbstractValidator<CheckContentRequest>
{
    // Longer than any platform's limit (Facebook's 63,206), short enough to count on every keystroke.
    public const int LongestText = 100_000;

    public CheckContentValidator()
    {
        RuleFor(r => r.Platforms).NotEmpty().Must(p => p.Count <= 9).WithMessage("Name at most nine platforms.");
        RuleForEach(r => r.Platforms).IsInEnum();
        RuleFor(r => r.Text).MaximumLength(LongestText);
        RuleFor(r => r.Link).MaximumLength(2048);
        RuleFor(r => r.Title).MaximumLength(1000);
    }
}

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
