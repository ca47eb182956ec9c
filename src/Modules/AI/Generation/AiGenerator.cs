using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Platform.AI.Contracts;
using Platform.AI.Data;
using Platform.AI.Moderation;
using Platform.AI.Providers;
using Platform.Billing.Contracts;
using Platform.SharedKernel.Errors;
using Platform.SocialAccounts.Contracts;
using Platform.Tenants.Contracts;

namespace Platform.AI.Generation;

/// <summary>
/// The generation flow: moderate the input, answer from cache, reserve budget (402 when over),
/// record PENDING, call the providers, shape and moderate the output, settle, record the outcome.
/// </summary>
internal sealed class AiGenerator(
    ProviderRouter router,
    ResilientCaller caller,
    AiLedger ledger,
    AiResponseCache cache,
    ContentModerator moderator,
    AiPricing pricing,
    IContentRules contentRules,
    IHashtagConventions hashtags,
    IOptionsMonitor<AiOptions> options,
    Features.GenerateImage.LibraryImages images,
    ILogger<AiGenerator> logger)
{
    /// <summary>Runs the whole flow now.</summary>
    public async Task<AiRequestView> GenerateAsync(Guid tenantId, Guid? userId, AiTask task, CancellationToken cancellationToken)
    {
        var started = await StartAsync(tenantId, userId, task, cancellationToken);
        return started.Answered ?? await RunAsync(tenantId, started.Request.Id, task, cancellationToken);
    }

    /// <summary>
    /// Everything up to the provider call: after it the budget is reserved and the request is PENDING, or the
    /// request was answered (from cache). Throws 402 or 422 problems.
    /// </summary>
    public async Task<(AiRequest Request, AiRequestView? Answered)> StartAsync(Guid tenantId, Guid? userId, AiTask task, CancellationToken cancellationToken)
    {
        var request = new AiRequest { Id = Guid.CreateVersion7(), TenantId = tenantId, UserId = userId, Type = task.Type, Input = task.ToJson() };
        // The template's rendered guidance carries user-submitted variables too.
        var verdict = await ModerateAsync(task.Guidance is null ? task.Text : $"{task.Text}\n{task.Guidance}", request.Id, cancellationToken);
        if (!verdict.Allowed)
        {
            request.Status = AiRequestStatus.Failed;
            request.Error = "input " + verdict.Reason;
            await ledger.RecordAsync(request, CancellationToken.None);
            throw new ProblemException(422, "Content rejected", $"The submitted content was rejected: {verdict.Reason}.",
                new Dictionary<string, object?> { ["requestId"] = request.Id });
        }

        if (await cache.GetAsync(tenantId, task) is { } hit)
        {
            request.Status = AiRequestStatus.Completed;
            request.Provider = hit.Provider;
            request.Model = hit.Model;
            request.Output = hit.Output.ToJsonString();
            request.CacheHit = true;
            await ledger.RecordAsync(request, CancellationToken.None);
            return (request, AiRequestView.From(request));
        }

        var plan = router.Plan(task.Type);
        var prompt = Prompt.For(task, new TargetRules(task.Platforms, contentRules, hashtags));
        var maxOutput = options.CurrentValue.MaxOutputTokensFor(task.Type);
        // The most expensive provider of the plan bounds the reservation: a fallback can never overspend it.
        var estimate = plan.Max(p => pricing.Estimate(p.Model, prompt, maxOutput, task.Type == AiRequestType.Image));
        request.Provider = plan[0].Provider.Name;
        request.Model = plan[0].Model;
        var (reservation, planLimits) = await ledger.OpenAsync(request, estimate, CancellationToken.None);
        if (!reservation.Reserved)
        {
            throw BudgetRefusal(reservation, planLimits, estimate, request.Id);
        }
        return (request, null);
    }

    /// <summary>
    /// 402: the plan's refusal (upgrade) when the plan's monthly budget is what ran out, else the tenant's own, lower cap's.
    /// </summary>
    private static ProblemException BudgetRefusal(AiBudgetReservation reservation, PlanLimits plan, decimal estimate, Guid requestId)
    {
        var details = new Dictionary<string, object?> { ["required"] = estimate, ["requestId"] = requestId };
        if (reservation.Limit >= plan.AiBudgetUsdPerMonth)
        {
            return new LimitCheck(plan, PlanLimit.AiBudgetUsdPerMonth, reservation.Usage, estimate).Refusal(details);
        }
        details["limit"] = reservation.Limit;
        details["usage"] = reservation.Usage;
        return new ProblemException(402, "AI budget exceeded",
            $"This request may cost up to {estimate} USD, and the tenant has used {reservation.Usage} of its own {reservation.Limit} USD monthly AI cap.",
            details);
    }

    /// <summary>The provider call and the settlement of a PENDING request; in a request or in a job.</summary>
    public async Task<AiRequestView> RunAsync(Guid tenantId, Guid requestId, AiTask task, CancellationToken cancellationToken)
    {
        var plan = router.Plan(task.Type);
        var rules = new TargetRules(task.Platforms, contentRules, hashtags);
        var prompt = Prompt.For(task, rules);
        var maxOutput = options.CurrentValue.MaxOutputTokensFor(task.Type);
        ProviderResponse response;
        PlannedProvider used;
        try
        {
            (response, used) = await caller.CallAsync(plan, step => new ProviderCall(task, step.Model, prompt, maxOutput), cancellationToken);
        }
        catch (AiProviderException error)
        {
            // The vendor and model that failed last, not the plan's first: after a fallback they differ.
            await CloseAsync(tenantId, requestId, new Outcome(AiRequestStatus.Failed, 0, error.Provider, error.Model, Error: error.Message));
            throw new ProblemException(502, "AI provider failed", $"The AI provider could not produce an answer: {error.Message}",
                new Dictionary<string, object?> { ["requestId"] = requestId, ["provider"] = error.Provider, ["model"] = error.Model });
        }
        catch
        {
            // Cancelled or unexpected: the reservation must not outlive the call.
            await CloseAsync(tenantId, requestId, new Outcome(AiRequestStatus.Failed, 0, Error: "The request was abandoned before the provider answered."));
            throw;
        }

        var provider = used.Provider.Name;
        var cost = pricing.Cost(response, used.Model);
        var spent = new Outcome(AiRequestStatus.Failed, cost, provider, response.Model, null, response.InputTokens, response.OutputTokens);
        try
        {
            return AiRequestView.From(await SettleAsync(tenantId, requestId, task, rules, response, spent, provider));
        }
        catch (Exception error) when (error is not ProblemException)
        {
            // Whatever broke before the answer was recorded, the tenant does not get it, so it is not charged.
            await CloseAsync(tenantId, requestId, spent with { Cost = 0, Error = "The answer could not be processed or recorded." });
            throw;
        }
    }

    /// <summary>Shapes and moderates the answer, then ends the request with its cost; returns the ended request.</summary>
    private async Task<AiRequest> SettleAsync(Guid tenantId, Guid requestId, AiTask task, TargetRules rules, ProviderResponse response, Outcome spent, string provider)
    {
        System.Text.Json.Nodes.JsonObject output;
        try
        {
            output = OutputShaper.Shape(task, rules, response, provider);
        }
        catch (AiProviderException error)
        {
            // The provider was paid for an unusable answer: charge it, but say so.
            await CloseAsync(tenantId, requestId, spent with { Error = error.Message });
            throw new ProblemException(502, "AI provider failed", error.Message,
                new Dictionary<string, object?> { ["requestId"] = requestId, ["provider"] = provider, ["model"] = spent.Model });
        }

        ModerationVerdict verdict;
        try
        {
            verdict = await ModerateAsync(OutputShaper.TextOf(output), requestId, CancellationToken.None);
        }
        catch (ProblemException)
        {
            // No moderation could judge the answer: it is withheld, so it is not charged either.
            await CloseAsync(tenantId, requestId, spent with { Cost = 0, Error = "output moderation unavailable; the answer was withheld" });
            throw;
        }
        if (!verdict.Allowed)
        {
            await CloseAsync(tenantId, requestId, spent with { Output = output, Error = "output " + verdict.Reason });
            throw new ProblemException(422, "Content rejected", $"The generated content was rejected: {verdict.Reason}.",
                new Dictionary<string, object?> { ["requestId"] = requestId });
        }

        if (response.ImageBytes is { } image)
        {
            try
            {
                output = await images.KeepAsync(tenantId, requestId, output, image, task, CancellationToken.None);
            }
            catch (ProblemException refused)
            {
                // The library would not take it (quota, limits): the tenant gets no image, so is not charged for it.
                await CloseAsync(tenantId, requestId, spent with { Cost = 0, Error = "the image could not be kept in the media library: " + refused.Detail });
                throw;
            }
        }
        var completed = await CloseAsync(tenantId, requestId, spent with { Status = AiRequestStatus.Completed, Output = output })
            ?? throw new InvalidOperationException($"AI request {requestId} was no longer pending when its answer arrived.");
        try
        {
            await cache.SetAsync(tenantId, task, new CachedAnswer(provider, spent.Model!, output));
        }
        catch (Exception error)
        {
            // The answer is recorded and charged: it must reach the caller even when it cannot be cached.
            logger.LogWarning(error, "AI request {RequestId} could not be cached", requestId);
        }
        return completed;
    }

    /// <summary>Moderation that cannot decide is a 503: nothing is generated, or nothing is returned, and nothing charged.</summary>
    private async Task<ModerationVerdict> ModerateAsync(string text, Guid requestId, CancellationToken cancellationToken)
    {
        try
        {
            return await moderator.CheckAsync(text, cancellationToken);
        }
        catch (ModerationUnavailableException error)
        {
            throw new ProblemException(503, "Moderation unavailable",
                $"{error.Message} Content is not generated or returned unchecked; nothing was charged. Try again later.",
                new Dictionary<string, object?> { ["requestId"] = requestId });
        }
    }

    /// <summary>Gives back the reservation of a started request that will never run (its job could not be queued).</summary>
    public Task AbandonAsync(Guid tenantId, Guid requestId, string reason) =>
        CloseAsync(tenantId, requestId, new Outcome(AiRequestStatus.Failed, 0, Error: reason));

    private async Task<AiRequest?> CloseAsync(Guid tenantId, Guid requestId, Outcome outcome)
    {
        // Never cancelled: a reservation left behind would count against the tenant until swept.
        var closed = await ledger.CloseAsync(tenantId, requestId, outcome, CancellationToken.None);
        if (closed is null)
        {
            logger.LogWarning("AI request {RequestId} was no longer pending when it ended", requestId);
        }
        return closed;
    }
}
