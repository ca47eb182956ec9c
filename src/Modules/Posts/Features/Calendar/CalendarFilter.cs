using Platform.Posts.Contracts;
using Platform.SharedKernel.Errors;
using Platform.SocialAccounts.Contracts;

namespace Platform.Posts.Features.Calendar;

/// <summary>
/// What the calendar is narrowed to: posts with a target on this account or platform, posts in this status.
/// An account id of another tenant is not an error: RLS hides its targets, so it simply matches nothing.
/// </summary>
internal sealed record CalendarFilter(Guid? AccountId, SocialPlatform? Platform, PostStatus? Status)
{
    /// <summary>Reads the query's values; a malformed account id, an unknown platform or status is refused in plain words.</summary>
    public static CalendarFilter Parse(string? accountId, string? platform, string? status)
    {
        Guid? wantedAccount = null;
        if (accountId is not null)
        {
            wantedAccount = Guid.TryParse(accountId, out var parsed) ? parsed
                : throw ProblemException.BadRequest($"'accountId' must be an account's id (a UUID), not '{accountId}'.");
        }
        SocialPlatform? wantedPlatform = null;
        if (platform is not null)
        {
            wantedPlatform = SocialPlatforms.TryParse(platform, out var parsed) ? parsed
                : throw ProblemException.BadRequest($"Unknown platform '{platform}'; use one of: {string.Join(", ", SocialPlatforms.All.Select(p => p.Slug()))}.");
        }
        PostStatus? wantedStatus = null;
        if (status is not null)
        {
            // Names only: Enum.TryParse would also take "7", a status that does not exist.
            wantedStatus = !char.IsDigit(status.FirstOrDefault()) && !status.StartsWith('-') && Enum.TryParse<PostStatus>(status, ignoreCase: true, out var parsed) && Enum.IsDefined(parsed) ? parsed
                : throw ProblemException.BadRequest($"Unknown status '{status}'; use one of: {string.Join(", ", Enum.GetNames<PostStatus>())}.");
        }
        return new CalendarFilter(wantedAccount, wantedPlatform, wantedStatus);
    }
}
