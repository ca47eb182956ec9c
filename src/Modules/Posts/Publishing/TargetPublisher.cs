using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Platform.Posts.Contracts;
using Platform.Posts.Data;
using Platform.Posts.Publishing.Breaker;
using Platform.SharedKernel.Data;
using Platform.SharedKernel.Events;
using Platform.SocialAccounts.Contracts;

namespace Platform.Posts.Publishing;

/// <summary>
/// Publishes one claimed target in three units of work, so that no crash can make it go out twice:
/// (1) under a row lock, record that attempt n starts (status PUBLISHING) and commit; (2) call the platform;
/// (3) record what happened. A worker that finds a target still PUBLISHING knows an earlier attempt's outcome
/// was lost, and looks the post up on the platform before it would ever send it again.
/// </summary>
internal sealed class TargetPublisher(IServiceScopeFactory scopes, PublishingOptions options, TimeProvider clock, ILogger<TargetPublisher> logger)
{
    public async Task PublishAsync(ClaimedTarget claim, string worker, CancellationToken cancellationToken)
    {
        var attempt = await scopes.RunAsync(claim.TenantId, services => StartAsync(services, claim, worker, cancellationToken), cancellationToken);
        if (attempt is null)
        {
            return;
        }
        // The call must end well within the lease, or a second worker could take the target over while it is still in flight.
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        deadline.CancelAfter(options.Lease / 2);
        var outcome = await scopes.RunAsync(claim.TenantId, services => CallPlatformAsync(services, attempt, deadline.Token), CancellationToken.None);
        await scopes.RunAsync(claim.TenantId, services => RecordAsync(services, attempt, outcome, cancellationToken), cancellationToken);
        logger.LogInformation("Target {TargetId} attempt {Attempt}: {Outcome} ({Lateness:0} ms late)",
            claim.TargetId, attempt.Number, outcome.GetType().Name, claim.Lateness.TotalMilliseconds);
    }

    private async Task<Attempt?> StartAsync(IServiceProvider services, ClaimedTarget claim, string worker, CancellationToken cancellationToken)
    {
        var db = services.GetRequiredService<PostsDbContext>();
        var queue = services.GetRequiredService<PublishQueue>();
        // A task that started late (a loaded or freshly started host) may find its claim expired and taken over;
        // renewing it here also guarantees nobody else claims the target before this attempt's call has ended.
        if (!await queue.RenewClaimAsync(claim.TargetId, worker, options.Lease, cancellationToken))
        {
            logger.LogWarning("Claim on target {TargetId} ran out before its attempt started; leaving it to the next claim", claim.TargetId);
            return null;
        }
        var target = await LockAsync(db, claim.TargetId, cancellationToken);
        if (target is null || target.IsSettled)
        {
            // Deleted, or done by an earlier run: a re-run must not publish again.
            await queue.RemoveAsync(claim.TargetId, cancellationToken);
            return null;
        }
        var post = await db.Posts.SingleAsync(p => p.Id == target.PostId, cancellationToken);
        var now = clock.GetUtcNow();
        var lostOutcome = target.Status is TargetStatus.Publishing or TargetStatus.Unconfirmed;
        if (target.Status == TargetStatus.Publishing)
        {
            await CloseOpenAttemptAsync(db, target, now, cancellationToken);
        }
        if (!lostOutcome && target.RetryCount == 0 && claim.Lateness > options.MissedWindow)
        {
            Settle(target, TargetStatus.Failed, "missed", $"Due at {claim.DueAt:u} while no publisher was running; not sent so late. Reschedule it.", now);
            await FinishAsync(db, queue, post, target, now, cancellationToken);
            await RaiseSettledAsync(services.GetRequiredService<Outbox>(), target, now, cancellationToken);
            return null;
        }
        if (await services.GetRequiredService<AccountBreakerGate>().CheckAsync(target, now, cancellationToken) is { } paused)
        {
            paused.ApplyTo(target, outcomeUnknown: lostOutcome, now);
            await queue.RequeueAsync(target.Id, paused.Until, cancellationToken);
            await db.SaveChangesAsync(cancellationToken);
            return null;
        }
        // A pause or a limit may have put the lookup off for long: look back to the first attempt whose outcome was lost.
        var lostSince = lostOutcome ? await Reconciliation.LostSinceAsync(db, target.Id, cancellationToken) ?? now : now;
        var number = target.RetryCount + 1;
        target.RetryCount = number;
        target.Status = lostOutcome ? TargetStatus.Unconfirmed : TargetStatus.Publishing;
        target.NextAttemptAt = null;
        target.UpdatedAt = now;
        if (post.Status == PostStatus.Scheduled)
        {
            post.Status = PostStatus.Publishing;
            post.UpdatedAt = now;
        }
        var record = new TargetAttempt
        {
            Id = Guid.NewGuid(),
            TenantId = target.TenantId,
            TargetId = target.Id,
            Attempt = number,
            StartedAt = now,
            Outcome = "started",
            Worker = worker,
        };
        db.Attempts.Add(record);
        await db.SaveChangesAsync(cancellationToken);
        var content = PostContentFactory.For(post, target);
        return new Attempt(target.Id, target.SocialAccountId, number, record.Id, now, content, Reconcile: lostOutcome, lostSince);
    }

    private static async Task<PublishOutcome> CallPlatformAsync(IServiceProvider services, Attempt attempt, CancellationToken cancellationToken)
    {
        var accounts = services.GetRequiredService<ISocialAccounts>();
        var outcomeUnknown = attempt.Reconcile;
        try
        {
            if (attempt.Reconcile)
            {
                var recent = await accounts.ListRecentPostsAsync(attempt.AccountId, 25, cancellationToken);
                if (Reconciliation.FindMatch(recent, attempt.Content.Text, attempt.LostSince) is { } found)
                {
                    return new PublishOutcome.Published(found.PlatformPostId, found.Url, Reconciled: true);
                }
                // Not on the platform: from here the target counts as unsent, as the send below assumes.
                outcomeUnknown = false;
            }
            var published = await accounts.PublishAsync(attempt.AccountId, attempt.Content, cancellationToken);
            return new PublishOutcome.Published(published.PlatformPostId, published.Url, Reconciled: false);
        }
        catch (PlatformException limited) when (limited.IsLocalLimit && limited.RetryAfter is { } wait)
        {
            return new PublishOutcome.LimitedLocally(limited.Message, wait, outcomeUnknown);
        }
        catch (PlatformException refused) when (refused.Kind != PlatformErrorKind.Transient)
        {
            return new PublishOutcome.Refused(refused.Kind, refused.Message, refused.RetryAfter);
        }
        catch (Exception unknown) when (unknown is PlatformException or HttpRequestException or TimeoutException or OperationCanceledException or IOException)
        {
            // A timeout or a dropped answer may come after the platform accepted the post.
            return new PublishOutcome.Unknown(unknown.Message);
        }
        catch (KeyNotFoundException)
        {
            return new PublishOutcome.Refused(PlatformErrorKind.Permanent, "The social account was disconnected.", null);
        }
    }

    private async Task<bool> RecordAsync(IServiceProvider services, Attempt attempt, PublishOutcome outcome, CancellationToken cancellationToken)
    {
        var db = services.GetRequiredService<PostsDbContext>();
        var queue = services.GetRequiredService<PublishQueue>();
        var target = await LockAsync(db, attempt.TargetId, cancellationToken)
            ?? throw new InvalidOperationException($"Target {attempt.TargetId} vanished while publishing.");
        var post = await db.Posts.SingleAsync(p => p.Id == target.PostId, cancellationToken);
        var record = await db.Attempts.SingleAsync(a => a.Id == attempt.RecordId, cancellationToken);
        var now = clock.GetUtcNow();
        record.FinishedAt = now;

        switch (outcome)
        {
            case PublishOutcome.LimitedLocally limited:
                // Nothing was sent: the attempt is given back, and the target waits until the limit frees up.
                db.Attempts.Remove(record);
                target.RetryCount = attempt.Number - 1;
                new Deferral(nameof(PlatformErrorKind.RateLimited), limited.Message, now + limited.RetryAfter).ApplyTo(target, limited.OutcomeUnknown, now);
                break;
            case PublishOutcome.Published published:
                target.PlatformPostId = published.PlatformPostId;
                target.PlatformUrl = published.Url;
                target.PublishedAt = now;
                Settle(target, TargetStatus.Published, null, null, now);
                record.Outcome = published.Reconciled ? "reconciled" : "published";
                break;
            case PublishOutcome.Refused refused when IsRetryable(refused.Kind) && attempt.Number < options.MaxAttempts:
                Retry(target, TargetStatus.Pending, refused.Kind.ToString(), refused.Message, RetrySchedule.Delay(attempt.Number, options.RetryBaseDelay, refused.RetryAfter), now);
                record.Outcome = "retry";
                (record.ErrorKind, record.Error) = (refused.Kind.ToString(), refused.Message);
                break;
            case PublishOutcome.Refused refused:
                Settle(target, TargetStatus.Failed, refused.Kind.ToString(), refused.Message, now);
                record.Outcome = "failed";
                (record.ErrorKind, record.Error) = (refused.Kind.ToString(), refused.Message);
                break;
            case PublishOutcome.Unknown unknown when attempt.Number < options.MaxAttempts:
                // Next attempt looks the post up first.
                Retry(target, TargetStatus.Unconfirmed, "Unknown", unknown.Message, RetrySchedule.Delay(attempt.Number, options.RetryBaseDelay, null), now);
                record.Outcome = "unconfirmed";
                (record.ErrorKind, record.Error) = ("Unknown", unknown.Message);
                break;
            case PublishOutcome.Unknown unknown:
                Settle(target, TargetStatus.Unconfirmed, "Unknown",
                    $"Could not confirm whether the platform published this post ({unknown.Message}). Check the account before retrying.", now);
                record.Outcome = "unconfirmed";
                (record.ErrorKind, record.Error) = ("Unknown", unknown.Message);
                break;
        }
        await services.GetRequiredService<AccountBreakerRecorder>().RecordAsync(target, outcome, now, cancellationToken);

        if (target.NextAttemptAt is { } next)
        {
            await queue.RequeueAsync(target.Id, next, cancellationToken);
            await db.SaveChangesAsync(cancellationToken);
        }
        else
        {
            await FinishAsync(db, queue, post, target, now, cancellationToken);
            await RaiseSettledAsync(services.GetRequiredService<Outbox>(), target, now, cancellationToken);
        }
        return true;
    }

    private static async Task FinishAsync(PostsDbContext db, PublishQueue queue, Post post, PostTarget target, DateTimeOffset now, CancellationToken cancellationToken)
    {
        await queue.RemoveAsync(target.Id, cancellationToken);
        var siblings = await db.Targets.Where(t => t.PostId == post.Id).ToListAsync(cancellationToken);
        post.Status = PostStatusRules.Derive(siblings);
        if (post.Status is PostStatus.Published or PostStatus.PartiallyPublished)
        {
            post.PublishedAt ??= now;
        }
        post.UpdatedAt = now;
        await db.SaveChangesAsync(cancellationToken);
    }

    private static PostTargetPublished AsPublished(PostTarget target, DateTimeOffset now) => new()
    {
        TenantId = target.TenantId,
        OccurredAt = now,
        PostId = target.PostId,
        TargetId = target.Id,
        SocialAccountId = target.SocialAccountId,
        Platform = target.Platform,
        PlatformPostId = target.PlatformPostId!,
        PlatformUrl = target.PlatformUrl,
        Attempts = target.RetryCount,
    };

    private static Task RaiseSettledAsync(Outbox outbox, PostTarget target, DateTimeOffset now, CancellationToken cancellationToken) =>
        target.Status == TargetStatus.Published
            ? outbox.AddAsync(AsPublished(target, now), cancellationToken)
            : outbox.AddAsync(new PostTargetFailed
            {
                TenantId = target.TenantId,
                OccurredAt = now,
                PostId = target.PostId,
                TargetId = target.Id,
                SocialAccountId = target.SocialAccountId,
                Platform = target.Platform,
                Status = target.Status,
                ErrorKind = target.ErrorKind,
                ErrorMessage = target.ErrorMessage,
            }, cancellationToken);

    private static void Settle(PostTarget target, TargetStatus status, string? errorKind, string? error, DateTimeOffset now)
    {
        target.Status = status;
        target.ErrorKind = errorKind;
        target.ErrorMessage = error;
        target.NextAttemptAt = null;
        target.UpdatedAt = now;
    }

    private static void Retry(PostTarget target, TargetStatus status, string errorKind, string error, TimeSpan delay, DateTimeOffset now)
    {
        target.Status = status;
        target.ErrorKind = errorKind;
        target.ErrorMessage = error;
        target.NextAttemptAt = now + delay;
        target.UpdatedAt = now;
    }

    private static bool IsRetryable(PlatformErrorKind kind) => kind is PlatformErrorKind.RateLimited or PlatformErrorKind.TokenExpired;

    private static async Task CloseOpenAttemptAsync(PostsDbContext db, PostTarget target, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var open = await db.Attempts.Where(a => a.TargetId == target.Id && a.FinishedAt == null).ToListAsync(cancellationToken);
        foreach (var attempt in open)
        {
            attempt.FinishedAt = now;
            attempt.Outcome = "unconfirmed";
            attempt.Error = "The worker stopped before recording the outcome.";
        }
    }

    private static Task<PostTarget?> LockAsync(PostsDbContext db, Guid targetId, CancellationToken cancellationToken) =>
        db.Targets.FromSql($"SELECT * FROM posts.post_targets WHERE id = {targetId} FOR UPDATE").SingleOrDefaultAsync(cancellationToken);

    /// <param name="LostSince">When reconciling: the start of the first attempt whose outcome was lost, where the lookup starts.</param>
    private sealed record Attempt(Guid TargetId, Guid AccountId, int Number, Guid RecordId, DateTimeOffset StartedAt, PostContent Content, bool Reconcile, DateTimeOffset LostSince);
}
