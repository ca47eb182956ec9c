using Platform.SocialAccounts.Contracts;

namespace Platform.Posts.Publishing;

/// <summary>What a platform's refusal during an attempt means for the target.</summary>
internal static class PlatformRefusals
{
    /// <param name="outcomeUnknown">An earlier attempt's outcome is still lost (no lookup answered before the refusal).</param>
    /// <returns>The outcome, or null for a transient failure, which may have come after the platform took the post.</returns>
    public static PublishOutcome? Outcome(PlatformException refused, bool outcomeUnknown) => refused switch
    {
        // A limit on posts, ours or the platform's, is not a failure of the post nor of the account: the attempt is given
        // back, whatever steps it recorded (a container made before a platform's publishing limit refused it may have
        // expired by the time room returns).
        { RetryAfter: { } wait } when refused.IsLocalLimit || refused.PublishingLimitReached =>
            new PublishOutcome.LimitReached(refused.Message, wait, outcomeUnknown),
        // Failed before the create call (a media upload): whatever the kind, the platform has no post to look for.
        { NothingCreated: true } => new PublishOutcome.Refused(refused.Kind, refused.Message, refused.RetryAfter, NothingCreated: true),
        // A refused lookup (the platform's rate limit, say) says nothing about an earlier attempt's post.
        { Kind: not PlatformErrorKind.Transient } => new PublishOutcome.Refused(refused.Kind, refused.Message, refused.RetryAfter, OutcomeUnknown: outcomeUnknown),
        _ => null,
    };
}
