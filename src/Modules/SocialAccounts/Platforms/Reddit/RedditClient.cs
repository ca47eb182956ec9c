using System.Globalization;
using System.Net;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.Extensions.Options;
using Platform.SocialAccounts.Contracts;

namespace Platform.SocialAccounts.Platforms.Reddit;

/// <summary>
/// Reddit's OAuth API: Basic client auth, permanent grants, a descriptive User-Agent on every call, and /api/submit
/// whose failures mostly arrive as HTTP 200 with <c>json.errors</c>.
/// </summary>
internal sealed partial class RedditClient(HttpClient http, IOptionsMonitor<PlatformOptions> options, IContentRules rules, TimeProvider clock, IOptions<RedditOptions> reddit)
    : PlatformClient(http, options, rules, clock)
{
    public override SocialPlatform Platform => SocialPlatform.Reddit;

    protected override string UserAgent => reddit.Value.UserAgent;

    public override string BuildAuthorizeUrl(string state, string redirectUri, string codeChallenge) => Url(Options.AuthorizeUrl,
        ("client_id", Options.ClientId), ("response_type", "code"), ("state", state), ("redirect_uri", redirectUri),
        ("duration", "permanent"), ("scope", string.Join(' ', Options.ScopeList)));

    public override Task<TokenSet> ExchangeCodeAsync(string code, string redirectUri, string codeVerifier, CancellationToken cancellationToken) =>
        TokenAsync(Form(("grant_type", "authorization_code"), ("code", code), ("redirect_uri", redirectUri)), null, cancellationToken);

    public override async Task<TokenSet?> RefreshAsync(AccountCredentials account, CancellationToken cancellationToken) =>
        account.RefreshToken is null
            ? null
            : await TokenAsync(Form(("grant_type", "refresh_token"), ("refresh_token", account.RefreshToken)), account.RefreshToken, cancellationToken);

    public override async Task<bool> RevokeAsync(AccountCredentials account, CancellationToken cancellationToken)
    {
        var request = Request(HttpMethod.Post, Options.RevokeUrl!, content: Form(
            ("token", account.RefreshToken ?? account.AccessToken), ("token_type_hint", account.RefreshToken is null ? "access_token" : "refresh_token")));
        request.Headers.Authorization = BasicClientAuth();
        await SendAsync(request, cancellationToken);
        return true;
    }

    public override async Task<IReadOnlyList<PlatformIdentity>> FetchIdentitiesAsync(TokenSet tokens, CancellationToken cancellationToken)
    {
        var me = await SendJsonAsync(Request(HttpMethod.Get, $"{Api}/api/v1/me", tokens.AccessToken), cancellationToken);
        var name = Required(me, "name");
        return [new PlatformIdentity(Required(me, "id"), name, name, Optional(me, "icon_img")?.Replace("&amp;", "&", StringComparison.Ordinal), tokens,
            new Dictionary<string, string>())];
    }

    public override async Task<PublishedPost> PublishAsync(AccountCredentials account, PostContent content, CancellationToken cancellationToken)
    {
        var isLink = !string.IsNullOrWhiteSpace(content.Link);
        var json = await SendJsonAsync(Request(HttpMethod.Post, $"{Api}/api/submit", account.AccessToken, Form(
            ("api_type", "json"), ("sr", SubredditName.Normalize(content.Subreddit) ?? content.Subreddit), ("title", content.Title), ("kind", isLink ? "link" : "self"),
            isLink ? ("url", content.Link) : ("text", content.Text ?? ""), ("sendreplies", "true"))), cancellationToken);
        ThrowOnSubmitErrors(json);
        return new PublishedPost(Required(json, "json", "data", "name"), Optional(json, "json", "data", "url"));
    }

    /// <summary>The subreddit as Reddit shows it to this account (https://www.reddit.com/dev/api#GET_r_{subreddit}_about, scope read).</summary>
    public async Task<SubredditAbout> SubredditAboutAsync(AccountCredentials account, string subreddit, CancellationToken cancellationToken)
    {
        var name = SubredditName.Normalize(subreddit) ?? subreddit;
        Answer answer;
        try
        {
            answer = await SendAcceptingAsync(Request(HttpMethod.Get, $"{Api}/r/{Uri.EscapeDataString(name)}/about?raw_json=1", account.AccessToken),
                HttpStatusCode.NotFound, cancellationToken);
        }
        catch (PlatformException refused) when (refused.Kind == PlatformErrorKind.Permanent)
        {
            // A 403: Reddit shows private and quarantined subreddits only to their members.
            return new SubredditAbout(SubredditVisibility.Forbidden);
        }
        if (answer.Status == HttpStatusCode.NotFound)
        {
            return new SubredditAbout(SubredditVisibility.Missing);
        }
        var json = Parse(answer);
        if (Optional(json, "kind") != "t5" || !json.TryGetProperty("data", out var data))
        {
            // Reddit answers a name it does not know with a listing of search results rather than a subreddit.
            return new SubredditAbout(SubredditVisibility.Missing);
        }
        return new SubredditAbout(SubredditVisibility.Visible, Optional(data, "display_name"), Optional(data, "subreddit_type"), Optional(data, "submission_type"),
            IsTrue(data, "user_is_banned"), IsTrue(data, "user_is_contributor"), IsTrue(data, "user_is_moderator"));
    }

    private static bool IsTrue(JsonElement data, string name) => data.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.True;

    public override async Task<PostMetrics> GetMetricsAsync(AccountCredentials account, string platformPostId, CancellationToken cancellationToken)
    {
        var json = await SendJsonAsync(Request(HttpMethod.Get, $"{Api}/api/info?{Query(("id", platformPostId), ("raw_json", "1"))}", account.AccessToken), cancellationToken);
        var post = Children(json).FirstOrDefault();
        return new PostMetrics(platformPostId, Likes: OptionalLong(post, "ups"), Comments: OptionalLong(post, "num_comments"),
            Other: new Dictionary<string, long> { ["score"] = OptionalLong(post, "score") ?? 0 });
    }

    public override async Task<IReadOnlyList<RecentPost>> ListRecentPostsAsync(AccountCredentials account, int limit, CancellationToken cancellationToken)
    {
        var json = await SendJsonAsync(Request(HttpMethod.Get, $"{Api}/user/{Uri.EscapeDataString(account.Handle ?? account.ExternalId)}/submitted?{Query(
            ("sort", "new"), ("limit", Math.Clamp(limit, 1, 100).ToString(CultureInfo.InvariantCulture)), ("raw_json", "1"))}", account.AccessToken), cancellationToken);
        return Children(json).Select(p => new RecentPost(Required(p, "name"), SentText(p), Created(p),
            Optional(p, "permalink") is { } link ? "https://www.reddit.com" + link : null)).ToList();
    }

    /// <summary>
    /// A submission is identified by what <c>/api/submit</c> took: title, subreddit and kind, plus the url of a link post
    /// or the body (<c>text</c>, shown back as <c>selftext</c>) of a self post
    /// (https://www.reddit.com/dev/api#POST_api_submit, https://www.reddit.com/dev/api#GET_user_{username}_submitted).
    /// </summary>
    public override async Task<ReconcileResult> ReconcileAsync(
        AccountCredentials account, PostContent content, PublishJournal journal, DateTimeOffset lostSince, CancellationToken cancellationToken)
    {
        var json = await SendJsonAsync(Request(HttpMethod.Get, $"{Api}/user/{Uri.EscapeDataString(account.Handle ?? account.ExternalId)}/submitted?{Query(
            ("sort", "new"), ("limit", PostMatch.RecentCount.ToString(CultureInfo.InvariantCulture)), ("raw_json", "1"))}", account.AccessToken), cancellationToken);
        return Children(json).Select(AsSubmission).FirstOrDefault(s => IsOurs(s, content, lostSince)) is { } ours
            ? ReconcileResult.Found(new PublishedPost(ours.Name, ours.Permalink))
            : ReconcileResult.Absent;
    }

    /// <summary>A submission as the listing shows it, with what identifies it.</summary>
    internal sealed record Submission(string Name, string? Title, string? Subreddit, bool IsSelf, string? Url, string? SelfText, DateTimeOffset? CreatedAt, string? Permalink);

    internal static bool IsOurs(Submission submission, PostContent content, DateTimeOffset lostSince)
    {
        var isLink = !string.IsNullOrWhiteSpace(content.Link);
        return PostMatch.IsRecentEnough(submission.CreatedAt, lostSince) &&
            submission.IsSelf != isLink &&
            PostMatch.SameField(submission.Title, content.Title) &&
            PostMatch.SameField(submission.Subreddit, SubredditName.Normalize(content.Subreddit) ?? content.Subreddit) &&
            (isLink
                ? string.Equals(submission.Url?.Trim(), content.Link!.Trim(), StringComparison.Ordinal)
                : string.IsNullOrWhiteSpace(content.Text) ? string.IsNullOrWhiteSpace(submission.SelfText) : PostMatch.SameText(submission.SelfText, content.Text));
    }

    private Submission AsSubmission(JsonElement p) => new(
        Required(p, "name"), Optional(p, "title"), Optional(p, "subreddit"),
        p.TryGetProperty("is_self", out var isSelf) && isSelf.ValueKind == JsonValueKind.True,
        Optional(p, "url"), Optional(p, "selftext"), Created(p),
        Optional(p, "permalink") is { } link ? "https://www.reddit.com" + link : null);

    private static DateTimeOffset? Created(JsonElement submission) =>
        Optional(submission, "created_utc") is { } at && double.TryParse(at, CultureInfo.InvariantCulture, out var seconds) ? DateTimeOffset.FromUnixTimeSeconds((long)seconds) : null;

    /// <summary>What a listing shows as a submission's text: a self post's body (<c>selftext</c>), else its title.</summary>
    private static string? SentText(JsonElement submission) =>
        submission.TryGetProperty("is_self", out var isSelf) && isSelf.ValueKind == JsonValueKind.True
            ? Optional(submission, "selftext") is { Length: > 0 } body ? body : Optional(submission, "title")
            : Optional(submission, "title");

    private static IEnumerable<JsonElement> Children(JsonElement listing) =>
        listing.TryGetProperty("data", out var data) && data.TryGetProperty("children", out var children)
            ? children.EnumerateArray().Select(c => c.GetProperty("data"))
            : [];

    /// <summary><c>json.errors = [[CODE, message, field], …]</c> on an HTTP 200.</summary>
    private void ThrowOnSubmitErrors(JsonElement json)
    {
        if (!json.TryGetProperty("json", out var body) || !body.TryGetProperty("errors", out var errors) || errors.GetArrayLength() == 0)
        {
            return;
        }
        var first = errors[0];
        var code = first.ValueKind == JsonValueKind.Array && first.GetArrayLength() > 0 ? first[0].GetString() : null;
        var text = first.ValueKind == JsonValueKind.Array && first.GetArrayLength() > 1 ? first[1].GetString() : null;
        var message = $"Reddit refused the post: {code} {text}".TrimEnd();
        throw code switch
        {
            "RATELIMIT" or "QUOTA_FILLED" => Fail(PlatformErrorKind.RateLimited, message, WaitHint(text), code),
            "SUBREDDIT_NOEXIST" or "SUBREDDIT_NOTALLOWED" => Fail(PlatformErrorKind.Permanent, message, code: code),
            _ => Fail(PlatformErrorKind.ContentRejected, message, code: code),
        };
    }

    /// <summary>"you are doing that too much. try again in 9 minutes."</summary>
    private static TimeSpan? WaitHint(string? text) =>
        text is not null && WaitPattern().Match(text) is { Success: true } match
            ? match.Groups[2].Value.StartsWith("second", StringComparison.Ordinal)
                ? TimeSpan.FromSeconds(int.Parse(match.Groups[1].Value, CultureInfo.InvariantCulture))
                : TimeSpan.FromMinutes(int.Parse(match.Groups[1].Value, CultureInfo.InvariantCulture))
            : null;

    private async Task<TokenSet> TokenAsync(FormUrlEncodedContent form, string? previousRefresh, CancellationToken cancellationToken)
    {
        var request = Request(HttpMethod.Post, Options.TokenUrl, content: form);
        request.Headers.Authorization = BasicClientAuth();
        return ReadTokenAnswer(await SendJsonAsync(request, cancellationToken), previousRefresh);
    }

    protected override PlatformException MapError(Answer answer)
    {
        var json = TryParse(answer.Body);
        if (json is { } oauth && oauth.TryGetProperty("error", out var e) && e.ValueKind == JsonValueKind.String)
        {
            return OAuthError(answer);
        }
        if (answer.Status == HttpStatusCode.TooManyRequests)
        {
            var reset = Header(answer, "X-Ratelimit-Reset") is { } r && double.TryParse(r, CultureInfo.InvariantCulture, out var seconds)
                ? TimeSpan.FromSeconds(seconds)
                : RetryAfter(answer);
            return Fail(PlatformErrorKind.RateLimited, "Reddit answered 429.", reset);
        }
        return FromStatus(answer, $"Reddit answered {(int)answer.Status}.");
    }

    [GeneratedRegex(@"try again in (\d+) (second|minute)", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex WaitPattern();
}
