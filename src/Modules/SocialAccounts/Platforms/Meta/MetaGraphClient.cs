using System.Globalization;
using System.Net;
using System.Text.Json;
using Microsoft.Extensions.Options;
using Platform.SocialAccounts.Contracts;

namespace Platform.SocialAccounts.Platforms.Meta;

/// <summary>
/// What Facebook, Instagram and Threads share: Graph-style calls with <c>access_token</c> as a parameter, the Graph
/// error object, and media containers that are created, polled and then published.
/// </summary>
internal abstract class MetaGraphClient(HttpClient http, IOptionsMonitor<PlatformOptions> options, IContentRules rules, TimeProvider clock)
    : PlatformClient(http, options, rules, clock)
{
    protected Task<JsonElement> GraphGetAsync(string path, string token, CancellationToken cancellationToken, params (string, string?)[] query) =>
        SendJsonAsync(Request(HttpMethod.Get, $"{Api}/{path}?{Query([.. query, ("access_token", token)])}"), cancellationToken);

    protected Task<JsonElement> GraphPostAsync(string path, string token, CancellationToken cancellationToken, params (string, string?)[] form) =>
        SendJsonAsync(Request(HttpMethod.Post, $"{Api}/{path}", content: Form([.. form, ("access_token", token)])), cancellationToken);

    /// <summary>Waits until a container is FINISHED; ERROR or EXPIRED means the platform refused the media.</summary>
    protected async Task WaitForContainerAsync(string containerId, string statusField, string token, CancellationToken cancellationToken, string containerPath = "")
    {
        for (var poll = 0; poll < Options.MaxPolls; poll++)
        {
            var json = await GraphGetAsync(containerPath + containerId, token, cancellationToken,
                ("fields", statusField == "status" ? "status,error_message" : $"{statusField},status"));
            switch (Optional(json, statusField))
            {
                case "FINISHED" or "PUBLISHED":
                    return;
                case "ERROR" or "EXPIRED":
                    throw Fail(PlatformErrorKind.ContentRejected,
                        $"The platform could not process the media ({Optional(json, "status") ?? Optional(json, "error_message") ?? "no reason"}).");
            }
            await Task.Delay(TimeSpan.FromSeconds(Options.PollIntervalSeconds), Clock, cancellationToken);
        }
        throw Fail(PlatformErrorKind.Transient, "The media container was still processing; try publishing again later.");
    }

    /// <summary>What a container's status says of a publish (<see cref="JudgeContainer"/>).</summary>
    internal enum ContainerState
    {
        /// <summary>The platform is still processing the media (IN_PROGRESS).</summary>
        Processing,
        /// <summary>Ready to publish (FINISHED).</summary>
        Finished,
        /// <summary>Published once already (PUBLISHED): publishing it again is refused, the post is there.</summary>
        Published,
        /// <summary>Refused (ERROR) or not published within 24 hours (EXPIRED): unusable, a new container is needed.</summary>
        Unusable,
    }

    /// <summary>
    /// A container's status as Instagram (<c>status_code</c>) and Threads (<c>status</c>) report it: EXPIRED, ERROR,
    /// FINISHED, IN_PROGRESS or PUBLISHED (https://developers.facebook.com/docs/instagram-platform/instagram-graph-api/reference/ig-container,
    /// https://developers.facebook.com/docs/threads/troubleshooting "Publishing Does Not Return a Media ID").
    /// </summary>
    internal static ContainerState JudgeContainer(string? status) => status switch
    {
        "FINISHED" => ContainerState.Finished,
        "PUBLISHED" => ContainerState.Published,
        "ERROR" or "EXPIRED" => ContainerState.Unusable,
        _ => ContainerState.Processing,
    };

    /// <summary>One status check of a container an earlier attempt recorded.</summary>
    protected async Task<ContainerState> ContainerStateAsync(string containerId, string statusField, string token, CancellationToken cancellationToken, string containerPath = "") =>
        JudgeContainer(Optional(await GraphGetAsync(containerPath + containerId, token, cancellationToken, ("fields", statusField)), statusField));

    /// <summary>
    /// Neither container reads back the media it became (the container's fields are id, status and status_code), so a
    /// PUBLISHED container's post is found among the account's latest by the text it was sent with.
    /// </summary>
    protected async Task<PublishedPost?> ListedAsync(AccountCredentials account, PostContent content, DateTimeOffset since, CancellationToken cancellationToken) =>
        PostMatch.ByText(await ListRecentPostsAsync(account, PostMatch.RecentCount, cancellationToken), content.Text, since) is { } found
            ? new PublishedPost(found.PlatformPostId, found.Url)
            : null;

    /// <summary>
    /// Publishing continued from a container an earlier attempt recorded: a published one is looked up, one still
    /// processing or finished is published by <paramref name="publish"/>; null when it is unusable (start over).
    /// </summary>
    protected async Task<PublishedPost?> ContinueContainerAsync(
        AccountCredentials account, PostContent content, string containerId, string statusField, string containerPath,
        Func<string, Task<PublishedPost>> publish, CancellationToken cancellationToken)
    {
        switch (await ContainerStateAsync(containerId, statusField, account.AccessToken, cancellationToken, containerPath))
        {
            case ContainerState.Published:
                // Containers expire 24 hours after their creation, so the post is at most that old.
                return await ListedAsync(account, content, Clock.GetUtcNow().AddDays(-1), cancellationToken)
                    ?? throw Fail(PlatformErrorKind.Transient, $"{Platform} published the post's container, but the post is not listed yet.");
            case ContainerState.Unusable:
                return null;
            default:
                return await publish(containerId);
        }
    }

    /// <summary>
    /// After a lost answer: a recorded container that is PUBLISHED means the post is there (found by its text), any other
    /// status that it is not (the next publish continues with or replaces the container). Without a container nothing
    /// was published (creating one publishes nothing), but the account's latest posts are still read by text.
    /// </summary>
    protected async Task<ReconcileResult> ReconcileContainerAsync(
        AccountCredentials account, PostContent content, string? containerId, string statusField, string containerPath,
        DateTimeOffset lostSince, CancellationToken cancellationToken)
    {
        if (containerId is null)
        {
            return await ListedAsync(account, content, lostSince, cancellationToken) is { } listed ? ReconcileResult.Found(listed) : ReconcileResult.Absent;
        }
        if (await ContainerStateAsync(containerId, statusField, account.AccessToken, cancellationToken, containerPath) != ContainerState.Published)
        {
            return ReconcileResult.Absent;
        }
        return await ListedAsync(account, content, lostSince, cancellationToken) is { } post
            ? ReconcileResult.Found(post)
            : ReconcileResult.Unknowable($"{Platform} reports the post's container as published, but no post among the account's latest carries its text");
    }

    protected static IReadOnlyList<JsonElement> Data(JsonElement json) =>
        json.TryGetProperty("data", out var data) && data.ValueKind == JsonValueKind.Array ? [.. data.EnumerateArray()] : [];

    /// <summary>Graph insights: <c>data[]{name, values[{value}]}</c>, keyed by metric name.</summary>
    protected static Dictionary<string, long> Insights(JsonElement json) =>
        Data(json).Where(m => Optional(m, "name") is not null)
            .ToDictionary(m => Optional(m, "name")!, m => m.TryGetProperty("values", out var values) && values.GetArrayLength() > 0
                ? OptionalLong(values[values.GetArrayLength() - 1], "value") ?? 0
                : OptionalLong(m, "total_value", "value") ?? 0);

    /// <summary>One insight, or null when the platform did not report it (never a made-up zero).</summary>
    protected static long? Metric(IReadOnlyDictionary<string, long> insights, string name) => insights.TryGetValue(name, out var value) ? value : null;

    protected static DateTimeOffset? Time(JsonElement element, string field) =>
        Optional(element, field) is { } text && DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var time) ? time : null;

    /// <summary>
    /// <c>{"error":{"message","type","code","error_subcode"}}</c>: 190/102 token, 458/460 grant withdrawn, 1/2 transient,
    /// 4/17/32/613 and 80000-80014 (business use case) throttled, 10/200-299 permission, 506 duplicate, 1609005 link, 368 policy block.
    /// </summary>
    protected override PlatformException MapError(Answer answer)
    {
        var json = TryParse(answer.Body);
        if (json is not { } body || !body.TryGetProperty("error", out var error) || error.ValueKind != JsonValueKind.Object)
        {
            return FromStatus(answer, $"The platform answered {(int)answer.Status}.");
        }
        var code = OptionalLong(error, "code");
        var subcode = OptionalLong(error, "error_subcode");
        // error_user_msg is Meta's explanation meant for people; message is the developer's text (often "(#100) …").
        var message = $"{Platform} answered {(int)answer.Status}: {Optional(error, "error_user_msg") ?? Optional(error, "message") ?? "no detail"}";
        var codeText = subcode is null ? code?.ToString(CultureInfo.InvariantCulture) : $"{code}/{subcode}";
        return (code, subcode) switch
        {
            (190 or 102, 458 or 460) => Fail(PlatformErrorKind.TokenRevoked, message, code: codeText),
            (190 or 102, _) => Fail(PlatformErrorKind.TokenExpired, message, code: codeText),
            (1 or 2, _) => Fail(PlatformErrorKind.Transient, message, code: codeText),
            // Instagram's "media is not ready for publishing": the container is still processing, so a later attempt succeeds
            // (https://developers.facebook.com/docs/instagram-platform/instagram-graph-api/reference/error-codes).
            (9007, 2207027) => Fail(PlatformErrorKind.Transient, message, code: codeText),
            // Instagram's 24-hour publishing limit: room returns as published posts leave the moving window
            // (https://developers.facebook.com/docs/instagram-platform/content-publishing/, "Rate Limit").
            (9, 2207042) => Fail(PlatformErrorKind.RateLimited, message, PublishingLimitWait, codeText),
            (4 or 17 or 32 or 613 or (>= 80000 and <= 80014), _) => Fail(PlatformErrorKind.RateLimited, message, ThrottleWait(answer), codeText),
            (506 or 1609005 or 368, _) => Fail(PlatformErrorKind.ContentRejected, message, code: codeText),
            (10 or (>= 200 and <= 299), _) => Fail(PlatformErrorKind.Permanent, message, code: codeText),
            _ when answer.Status >= HttpStatusCode.InternalServerError => Fail(PlatformErrorKind.Transient, message, code: codeText),
            _ => Fail(PlatformErrorKind.Permanent, message, code: codeText),
        };
    }

    /// <summary>The wait of a throttled call whose answer names none.</summary>
    public static readonly TimeSpan DefaultThrottleWait = TimeSpan.FromMinutes(5);

    /// <summary>
    /// The wait after Instagram's publishing limit when the window cannot be read: a refused <c>media_publish</c> publishes
    /// nothing and does not count, so trying hourly costs one call while the oldest post leaves the 24 hours.
    /// </summary>
    public static readonly TimeSpan PublishingLimitWait = TimeSpan.FromHours(1);

    /// <summary>
    /// The wait the usage headers give (see <see cref="GraphThrottleWait"/>); without one, a <c>Retry-After</c>, else
    /// <see cref="DefaultThrottleWait"/>, since Graph's throttles are counted over rolling windows of an hour or more.
    /// </summary>
    private static TimeSpan ThrottleWait(Answer answer) =>
        GraphThrottleWait.From(Header(answer, GraphThrottleWait.BusinessUseCaseHeader), Header(answer, GraphThrottleWait.AdAccountHeader))
        ?? RetryAfter(answer)
        ?? DefaultThrottleWait;
}
