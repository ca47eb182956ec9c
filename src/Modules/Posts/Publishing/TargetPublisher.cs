using System.Diagnostics;
using System.Threading.Channels;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Platform.Media.Contracts;
using Platform.Posts.Contracts;
using Platform.Posts.Data;
using Platform.Posts.Publishing.Breaker;
using Platform.SharedKernel.Data;
using Platform.SharedKernel.Events;
using Platform.SharedKernel.Tenancy;
using Platform.SocialAccounts.Contracts;

namespace Platform.Posts.Publishing;

/// <summary>
/// Publishes claimed targets of one tenant so that no crash can make one go out twice: (1) under row locks, record
/// that each target's attempt n starts (status PUBLISHING) and commit; (2) call the platform, each target on its own;
/// (3) record what happened, in batches as the answers come back. A worker that finds a target still PUBLISHING
/// knows an earlier attempt's outcome was lost, and looks the post up on the platform before it would ever send it
/// again. Steps 1 and 3 are one unit of work for many targets: per-target transactions cost more than the publish.
/// </summary>
internal sealed class TargetPublisher(IServiceScopeFactory scopes, PublishingOptions options, TimeProvider clock, ILogger<TargetPublisher> logger)
{
    /// <param name="claims">Targets of one tenant that this worker claimed.</param>
    /// <param name="released">Called with a count as targets leave this worker's hands (recorded, or not started).</param>
    public async Task PublishAsync(IReadOnlyList<ClaimedTarget> claims, string worker, Action<int>? released, CancellationToken cancellationToken)
    {
        var tenantId = claims[0].TenantId;
        var pending = claims.Count;
        try
        {
            var attempts = await scopes.RunAsync(tenantId, services => StartAsync(services, claims, worker, cancellationToken), cancellationToken);
            pending = attempts.Count;
            released?.Invoke(claims.Count - attempts.Count);
            if (attempts.Count == 0)
            {
                return;
            }
            var answers = Channel.CreateUnbounded<(Attempt Attempt, PublishOutcome Outcome)>();
            var calls = Task.WhenAll(attempts.Select(attempt => CallAsync(tenantId, attempt, answers.Writer)))
                .ContinueWith(_ => answers.Writer.Complete(), TaskScheduler.Default);
            while (await answers.Reader.WaitToReadAsync(CancellationToken.None))
            {
                var batch = new List<(Attempt Attempt, PublishOutcome Outcome)>();
                while (answers.Reader.TryRead(out var answer))
                {
                    batch.Add(answer);
                }
                await RecordAsync(tenantId, batch, cancellationToken);
                pending -= batch.Count;
                released?.Invoke(batch.Count);
            }
            await calls;
        }
        finally
        {
            // Whatever is left keeps its lease; when it runs out, another round takes the targets over and reconciles.
            released?.Invoke(pending);
        }
    }

    private async Task CallAsync(Guid tenantId, Attempt attempt, ChannelWriter<(Attempt, PublishOutcome)> answers)
    {
        await Task.Yield();
        using var span = PublishingTelemetry.StartAttemptSpan(tenantId, attempt.TargetId, attempt.Platform, attempt.Number);
        try
        {
            // Requests may leave during the first third of the claim, counted from its renewal (not from now: a loaded worker
            // may reach this line late). A worker taking the target over when the claim runs out looks for the post two thirds
            // of a claim after the last moment it could have been sent: time for a request in flight to reach the platform.
            var sendBy = attempt.ClaimRenewedAt + (long)(options.Lease.TotalSeconds / 3 * Stopwatch.Frequency);
            if (Stopwatch.GetTimestamp() >= sendBy)
            {
                logger.LogWarning("Target {TargetId} reached its platform call {Late} after its claim was renewed; not sending",
                    attempt.TargetId, Stopwatch.GetElapsedTime(attempt.ClaimRenewedAt));
                answers.TryWrite((attempt, new PublishOutcome.NotSent(attempt.Reconcile)));
                return;
            }
            using var window = SendWindow.OpenUntil(sendBy);
            // Answers are awaited until half the claim, so that this worker records them rather than a takeover looking them up.
            using var deadline = new CancellationTokenSource(options.Lease / 2 - Stopwatch.GetElapsedTime(attempt.ClaimRenewedAt));
            // No unit of work around the call: SocialAccounts runs short ones of its own, so no connection waits on the platform.
            await using var scope = scopes.CreateTenantScope(tenantId);
            var outcome = await CallPlatformAsync(scope.ServiceProvider, attempt, JournalOf(tenantId, attempt), SendingMarkOf(tenantId, attempt), window, deadline.Token);
            span?.SetTag("platform.outcome", PublishingTelemetry.OutcomeName(outcome));
            answers.TryWrite((attempt, outcome));
        }
        catch (Exception exception)
        {
            logger.LogError(exception, "Publishing target {TargetId} of tenant {TenantId} failed before an outcome was known", attempt.TargetId, tenantId);
        }
    }

    /// <summary>
    /// The steps earlier attempts recorded, and a short unit of work of our own per new step, committed before the client's
    /// next request leaves (never a connection held across the platform call).
    /// </summary>
    private PublishJournal JournalOf(Guid tenantId, Attempt attempt) => new(attempt.Steps, (step, value, cancellationToken) =>
        scopes.RunAsync(tenantId, services => AttemptSteps.RecordAsync(services.GetRequiredService<PostsDbContext>(), attempt.RecordId, step, value, cancellationToken),
            cancellationToken));

    /// <summary>
    /// Records that the attempt reaches its send, in a short unit of work committed before the request leaves; false when
    /// the attempt was closed meanwhile (a takeover), and then nothing may be sent.
    /// </summary>
    private Func<CancellationToken, Task<bool>> SendingMarkOf(Guid tenantId, Attempt attempt) => cancellationToken =>
        scopes.RunAsync(tenantId, services => AttemptSending.MarkAsync(services.GetRequiredService<PostsDbContext>(), attempt.RecordId, clock.GetUtcNow(), cancellationToken),
            cancellationToken);

    private async Task RecordAsync(Guid tenantId, List<(Attempt Attempt, PublishOutcome Outcome)> batch, CancellationToken cancellationToken)
    {
        try
        {
            await scopes.RunAsync(tenantId, services => RecordAsync(services, batch, cancellationToken), cancellationToken);
            foreach (var (attempt, outcome) in batch)
            {
                logger.LogInformation("Target {TargetId} attempt {Attempt}: {Outcome}", attempt.TargetId, attempt.Number, outcome.GetType().Name);
                PublishingTelemetry.Attempted(attempt.Platform, attempt.Kind, outcome);
            }
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            if (batch.Count == 1)
            {
                // The target keeps its lease; whoever takes it over next looks it up on the platform first.
                logger.LogError(exception, "Recording the outcome of target {TargetId} failed", batch[0].Attempt.TargetId);
                return;
            }
            // One bad row must not hold back the others' outcomes.
            logger.LogWarning(exception, "Recording {Count} outcomes together failed; recording them one by one", batch.Count);
            foreach (var single in batch)
            {
                await RecordAsync(tenantId, [single], cancellationToken);
            }
        }
    }

    private async Task<List<Attempt>> StartAsync(IServiceProvider services, IReadOnlyList<ClaimedTarget> claims, string worker, CancellationToken cancellationToken)
    {
        var db = services.GetRequiredService<PostsDbContext>();
        var queue = services.GetRequiredService<PublishQueue>();
        // Target rows first, queue rows after, as every path that writes both does (recording an outcome, scheduling):
        // renewing first would hold the queue row while waiting for a target row whose holder waits for that queue row.
        var locked = await LockAsync(db, claims.Select(c => c.TargetId).ToHashSet(), cancellationToken);
        // The accounts' breaker rows next, before the queue rows, as recording an outcome (whose breaker decides its queue
        // writes) and a resume do: a start holding queue rows while it waits for a breaker row would break the one order.
        var breakers = await db.LockBreakersAsync(claims[0].TenantId, locked.Values.Select(t => t.SocialAccountId), cancellationToken);
        // A task that started late (a loaded or freshly started host) may find a claim expired and taken over;
        // renewing here also guarantees nobody else claims the target before this attempt's call has ended.
        var renewedAt = Stopwatch.GetTimestamp();
        var held = await queue.RenewClaimsAsync(claims.Select(c => c.TargetId), worker, options.Lease, cancellationToken);
        foreach (var lost in claims.Where(c => !held.Contains(c.TargetId)))
        {
            logger.LogWarning("Claim on target {TargetId} ran out before its attempt started; leaving it to the next claim", lost.TargetId);
        }
        var targets = locked.Where(pair => held.Contains(pair.Key)).ToDictionary();
        // Deleted, or done by an earlier run: a re-run must not publish again.
        await queue.RemoveAsync(held.Where(id => !targets.TryGetValue(id, out var target) || target.IsSettled).ToList(), cancellationToken);
        var live = claims.Where(c => targets.TryGetValue(c.TargetId, out var target) && !target.IsSettled).ToList();
        if (live.Count == 0)
        {
            return [];
        }
        var posts = await LoadPostsAsync(db, live.Select(c => targets[c.TargetId].PostId), cancellationToken);
        var steps = await AttemptSteps.LatestAsync(db, live.Select(c => c.TargetId).ToList(), cancellationToken);
        var now = clock.GetUtcNow();
        var open = await OpenAttemptsAsync(db, live.Select(c => targets[c.TargetId]).Where(t => t.OutcomeLost).Select(t => t.Id).ToList(), cancellationToken);
        var gate = services.GetRequiredService<AccountBreakerGate>();
        var resumed = new List<AccountPublishingResumed>();

        var retries = RetryPolicy.From(options);
        var attempts = new List<Attempt>();
        var missed = new List<PostTarget>();
        var deferred = new List<(Guid, DateTimeOffset)>();
        foreach (var claim in live)
        {
            var target = targets[claim.TargetId];
            var post = posts[target.PostId];
            foreach (var stopped in open[target.Id].OrderByDescending(a => a.Attempt))
            {
                if (target.TakeOver(stopped, now))
                {
                    db.Attempts.Remove(stopped);
                }
            }
            var lostOutcome = target.OutcomeLost;
            if (target.IsMissed(claim.Lateness, options.MissedWindow))
            {
                target.SettleAsMissed(claim.DueAt, now);
                missed.Add(target);
                continue;
            }
            if (gate.Check(target, breakers, resumed, now) is { } paused)
            {
                paused.ApplyTo(target, outcomeUnknown: lostOutcome, now);
                deferred.Add((target.Id, paused.Until));
                PublishingTelemetry.Deferred(target.Platform, PublishingTelemetry.AccountPaused);
                continue;
            }
            // A pause or a limit may have put the lookup off for long: look back to the first attempt whose outcome was lost.
            var lostSince = lostOutcome ? await Reconciliation.LostSinceAsync(db, target.Id, cancellationToken) ?? now : now;
            var absenceConfirmed = target.AbsenceConfirmed;
            var lookupOnly = target.OnlyLookupLeft(retries);
            var record = target.StartAttempt(worker, options.Lease, now);
            post.StartPublishing(now);
            db.Attempts.Add(record);
            attempts.Add(new Attempt(target.Id, target.SocialAccountId, target.Platform, post.Type, record.Attempt, record.Id, now, PostContentFactory.For(post, target), Reconcile: lostOutcome, lostSince, renewedAt,
                steps.GetValueOrDefault(target.Id) ?? new Dictionary<string, string>(), absenceConfirmed, lookupOnly));
        }
        await queue.RequeueAsync(deferred, cancellationToken);
        await services.GetRequiredService<Outbox>().AddAsync(resumed, cancellationToken);
        await FinishAsync(services, db, queue, missed, now, cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        return attempts;
    }

    private static async Task<PublishOutcome> CallPlatformAsync(
        IServiceProvider services, Attempt attempt, PublishJournal journal, Func<CancellationToken, Task<bool>> markSending, SendWindow window,
        CancellationToken cancellationToken)
    {
        var accounts = services.GetRequiredService<ISocialAccounts>();
        var outcomeUnknown = attempt.Reconcile;
        try
        {
            // Its own short unit of work: no connection is held from here across the platform call.
            var (content, missingMedia) = await LibraryMediaResolution.ResolveAsync(services.GetRequiredService<IMediaLibrary>(), attempt.Content, cancellationToken);
            if (missingMedia.Count > 0)
            {
                return new PublishOutcome.Refused(PlatformErrorKind.ContentRejected,
                    $"Library media {string.Join(", ", missingMedia)} was deleted before the post was sent.", null, NothingCreated: !attempt.Reconcile,
                    OutcomeUnknown: attempt.Reconcile);
            }
            if (attempt.Reconcile)
            {
                // The platform's client decides what identifies the post there (and follows the ids earlier attempts recorded).
                var lookup = await accounts.ReconcileAsync(attempt.AccountId, content, journal, attempt.LostSince, cancellationToken);
                switch (lookup.Kind)
                {
                    case ReconcileKind.Found:
                        return new PublishOutcome.Published(lookup.Post!.PlatformPostId, lookup.Post.Url, Reconciled: true);
                    // A person who checked the account stands in for a lookup the platform cannot answer.
                    case ReconcileKind.Unknowable when !attempt.AbsenceConfirmed:
                        return new PublishOutcome.CannotConfirm(lookup.Reason ?? "the platform offers no lookup");
                }
                if (attempt.LookupOnly)
                {
                    // The last attempt's lost request did not create the post, and no attempt is left to send it.
                    return new PublishOutcome.Absent();
                }
                // Not on the platform: from here the target counts as unsent, as the send below assumes.
                outcomeUnknown = false;
            }
            // From here the platform may get the post: a takeover finding this attempt unfinished must look it up.
            if (!await markSending(cancellationToken))
            {
                return new PublishOutcome.NotSent(outcomeUnknown);
            }
            var published = await accounts.PublishAsync(attempt.AccountId, content, journal, cancellationToken);
            return new PublishOutcome.Published(published.PlatformPostId, published.Url, Reconciled: false);
        }
        catch (PlatformException refused) when (PlatformRefusals.Outcome(refused, outcomeUnknown) is { } outcome)
        {
            return outcome;
        }
        catch (SendWindowClosedException)
        {
            // The request that would have published did not leave. One that left before it (a lookup, a refresh, a media
            // upload, the first post of a thread) may have shown something: then the next attempt looks first.
            return new PublishOutcome.NotSent(outcomeUnknown || window.AnySent);
        }
        catch (OperationCanceledException) when (!window.AnySent)
        {
            // Cut off by the deadline before any request left: the platform has seen nothing of this attempt.
            return new PublishOutcome.NotSent(attempt.Reconcile);
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

    private async Task<bool> RecordAsync(IServiceProvider services, List<(Attempt Attempt, PublishOutcome Outcome)> batch, CancellationToken cancellationToken)
    {
        var db = services.GetRequiredService<PostsDbContext>();
        var queue = services.GetRequiredService<PublishQueue>();
        var targets = await LockAsync(db, batch.Select(b => b.Attempt.TargetId).ToHashSet(), cancellationToken);
        var recordIds = batch.Select(b => b.Attempt.RecordId).ToList();
        var records = await db.Attempts.Where(a => recordIds.Contains(a.Id)).ToDictionaryAsync(a => a.Id, cancellationToken);
        var now = clock.GetUtcNow();
        var current = new List<(Attempt Attempt, PublishOutcome Outcome, PostTarget Target, TargetAttempt Record)>();
        foreach (var (attempt, outcome) in batch)
        {
            var target = targets.GetValueOrDefault(attempt.TargetId)
                ?? throw new InvalidOperationException($"Target {attempt.TargetId} vanished while publishing.");
            // A takeover closes the attempt it supersedes, or drops it when it never reached its send (the next attempt may
            // then carry the same number): either way its answer no longer owns the target.
            if (!records.TryGetValue(attempt.RecordId, out var record) || record.FinishedAt is not null || !target.IsCurrentAttempt(attempt.Number))
            {
                // Another worker took the target over after this claim ran out; its attempt owns the target now.
                logger.LogWarning("Target {TargetId}: attempt {Attempt} answered after it was superseded; its outcome {Outcome} is not applied",
                    target.Id, attempt.Number, outcome.GetType().Name);
                continue;
            }
            current.Add((attempt, outcome, target, record));
        }
        if (current.Count == 0)
        {
            return true;
        }
        var recorder = services.GetRequiredService<AccountBreakerRecorder>();
        // Breaker rows after the target rows and before any queue row (the one lock order, see PublishQueue).
        var breakers = await recorder.LockAsync(current[0].Target.TenantId, current.Select(c => (c.Target.SocialAccountId, c.Outcome)).ToList(), now, cancellationToken);
        var retries = RetryPolicy.From(options);
        var later = new List<(Guid, DateTimeOffset)>();
        var settled = new List<PostTarget>();
        foreach (var (attempt, outcome, target, record) in current)
        {
            if (outcome.GivesAttemptBack || outcome is PublishOutcome.Refused { Kind: PlatformErrorKind.TokenExpired or PlatformErrorKind.TokenRevoked })
            {
                db.Attempts.Remove(record);
            }
            if (outcome is PublishOutcome.Refused { Kind: PlatformErrorKind.TokenExpired or PlatformErrorKind.TokenRevoked } tokenRefused)
            {
                // Only the account's token was refused, and it could not be refreshed: the attempt is given back and the target
                // waits for the account to be reconnected (which pauses the account meanwhile, and releases the target after).
                target.AttemptCount = attempt.Number - 1;
                new Deferral(Deferral.AccountPaused, $"Waiting for the account to be reconnected: {tokenRefused.Message}",
                    now + options.CircuitBreaker.BreakDuration).ApplyTo(target, outcomeUnknown: attempt.Reconcile, now);
            }
            else
            {
                target.RecordOutcome(record, outcome, retries, now);
            }
            await recorder.RecordAsync(target, outcome, breakers, now, cancellationToken);
            if (target.NextAttemptAt is { } next)
            {
                later.Add((target.Id, next));
            }
            else
            {
                settled.Add(target);
            }
        }
        await queue.RequeueAsync(later, cancellationToken);
        await FinishAsync(services, db, queue, settled, now, cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        return true;
    }

    /// <summary>Takes settled targets out of the queue, derives their posts' statuses and raises their events.</summary>
    private static async Task FinishAsync(IServiceProvider services, PostsDbContext db, PublishQueue queue, IReadOnlyList<PostTarget> settled, DateTimeOffset now, CancellationToken cancellationToken)
    {
        if (settled.Count == 0)
        {
            return;
        }
        await queue.RemoveAsync(settled.Select(t => t.Id).ToList(), cancellationToken);
        var postIds = settled.Select(t => t.PostId).Distinct().ToList();
        var posts = await LoadPostsAsync(db, postIds, cancellationToken);
        // Tracked: the targets locked in this unit of work come back as the same instances, with their new state.
        var siblings = await db.Targets.Where(t => postIds.Contains(t.PostId)).ToListAsync(cancellationToken);
        var partial = new List<PostPartiallyPublished>();
        foreach (var post in posts.Values)
        {
            var targets = siblings.Where(t => t.PostId == post.Id).ToList();
            var before = post.Status;
            post.Derive(targets, now);
            if (post.Status == PostStatus.PartiallyPublished && before != PostStatus.PartiallyPublished)
            {
                partial.Add(AsPartiallyPublished(post, targets, now));
            }
        }
        var outbox = services.GetRequiredService<Outbox>();
        await outbox.AddAsync(partial, cancellationToken);
        await outbox.AddAsync(settled.Where(t => t.Status == TargetStatus.Published).Select(t => AsPublished(t, now)).ToList(), cancellationToken);
        await outbox.AddAsync(settled.Where(t => t.Status != TargetStatus.Published).Select(t => AsFailed(t, now)).ToList(), cancellationToken);
    }

    private static PostPartiallyPublished AsPartiallyPublished(Post post, IReadOnlyCollection<PostTarget> targets, DateTimeOffset now) => new()
    {
        TenantId = post.TenantId,
        OccurredAt = now,
        PostId = post.Id,
        PublishedTargets = targets.Count(t => t.Status == TargetStatus.Published),
        UnpublishedTargets = targets.Count(t => t.Status != TargetStatus.Published),
    };

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
        Attempts = target.AttemptCount,
    };

    private static PostTargetFailed AsFailed(PostTarget target, DateTimeOffset now) => new()
    {
        TenantId = target.TenantId,
        OccurredAt = now,
        PostId = target.PostId,
        TargetId = target.Id,
        SocialAccountId = target.SocialAccountId,
        Platform = target.Platform,
        Status = target.Status,
        ErrorKind = target.ErrorKind?.ToString(),
        ErrorMessage = target.ErrorMessage,
    };

    /// <summary>Attempts whose workers stopped before recording how they ended, by target.</summary>
    private static async Task<ILookup<Guid, TargetAttempt>> OpenAttemptsAsync(PostsDbContext db, IReadOnlyList<Guid> targetIds, CancellationToken cancellationToken)
    {
        if (targetIds.Count == 0)
        {
            return Array.Empty<TargetAttempt>().ToLookup(a => a.TargetId);
        }
        var open = await db.Attempts.Where(a => targetIds.Contains(a.TargetId) && a.FinishedAt == null).ToListAsync(cancellationToken);
        return open.ToLookup(a => a.TargetId);
    }

    private static async Task<Dictionary<Guid, Post>> LoadPostsAsync(PostsDbContext db, IEnumerable<Guid> postIds, CancellationToken cancellationToken)
    {
        var ids = postIds.Distinct().ToList();
        return await db.Posts.Where(p => ids.Contains(p.Id)).ToDictionaryAsync(p => p.Id, cancellationToken);
    }

    // In id order, so two workers locking overlapping sets cannot deadlock.
    private static async Task<Dictionary<Guid, PostTarget>> LockAsync(PostsDbContext db, IReadOnlyCollection<Guid> targetIds, CancellationToken cancellationToken)
    {
        if (targetIds.Count == 0)
        {
            return [];
        }
        var ids = targetIds.ToArray();
        return await db.Targets.FromSql($"SELECT * FROM posts.post_targets WHERE id = ANY({ids}) ORDER BY id FOR UPDATE")
            .ToDictionaryAsync(t => t.Id, cancellationToken);
    }

    /// <param name="Kind">The post's type, a label of the attempt's metrics.</param>
    /// <param name="LostSince">When reconciling: the start of the first attempt whose outcome was lost, where the lookup starts.</param>
    /// <param name="ClaimRenewedAt">Stopwatch timestamp taken just before the claim was renewed for this attempt.</param>
    /// <param name="Steps">The platform ids earlier attempts recorded (a container, an upload session), to continue from.</param>
    /// <param name="AbsenceConfirmed">An admin checked the account before retrying: an unknowable lookup does not stop the send.</param>
    /// <param name="LookupOnly">The final lookup after the last attempt's outcome was lost: it looks the post up and never sends.</param>
    private sealed record Attempt(
        Guid TargetId, Guid AccountId, string Platform, PostType Kind, int Number, Guid RecordId, DateTimeOffset StartedAt, PostContent Content, bool Reconcile, DateTimeOffset LostSince,
        long ClaimRenewedAt, IReadOnlyDictionary<string, string> Steps, bool AbsenceConfirmed, bool LookupOnly);
}
