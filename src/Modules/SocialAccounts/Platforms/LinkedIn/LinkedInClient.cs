using System.Globalization;
using System.Net;
using System.Text;
using System.Text.Json;
using Microsoft.Extensions.Options;
using Platform.SocialAccounts.Contracts;

namespace Platform.SocialAccounts.Platforms.LinkedIn;

/// <summary>LinkedIn: OAuth 2.0 (credentials in the form), OIDC userinfo, versioned /rest/posts, the Images and the Videos API.</summary>
internal sealed class LinkedInClient(HttpClient http, IOptionsMonitor<PlatformOptions> options, IContentRules rules, TimeProvider clock)
    : PlatformClient(http, options, rules, clock)
{
    /// <summary>"little" text format: unescaped, LinkedIn may silently cut the commentary at these.</summary>
    private const string Reserved = "\\|{}@[]()<>#*_~";

    public override SocialPlatform Platform => SocialPlatform.LinkedIn;

    public override string BuildAuthorizeUrl(string state, string redirectUri, string codeChallenge) => Url(Options.AuthorizeUrl,
        ("response_type", "code"), ("client_id", Options.ClientId), ("redirect_uri", redirectUri), ("state", state),
        ("scope", string.Join(' ', Options.ScopeList)));

    public override async Task<TokenSet> ExchangeCodeAsync(string code, string redirectUri, string codeVerifier, CancellationToken cancellationToken) =>
        ReadTokenAnswer(await SendJsonAsync(Request(HttpMethod.Post, Options.TokenUrl, content: Form(
            ("grant_type", "authorization_code"), ("code", code), ("redirect_uri", redirectUri),
            ("client_id", Options.ClientId), ("client_secret", Options.ClientSecret))), cancellationToken));

    /// <summary>Only apps approved for programmatic refresh tokens get one; others must reconnect every 60 days.</summary>
    public override async Task<TokenSet?> RefreshAsync(AccountCredentials account, CancellationToken cancellationToken) =>
        account.RefreshToken is null
            ? null
            : ReadTokenAnswer(await SendJsonAsync(Request(HttpMethod.Post, Options.TokenUrl, content: Form(
                ("grant_type", "refresh_token"), ("refresh_token", account.RefreshToken),
                ("client_id", Options.ClientId), ("client_secret", Options.ClientSecret))), cancellationToken), account.RefreshToken);

    /// <summary>
    /// LinkedIn documents no revocation endpoint for member tokens (its OpenID configuration lists none and its best
    /// practices say only to destroy the tokens), so disconnecting forgets them here.
    /// </summary>
    public override Task<bool> RevokeAsync(AccountCredentials account, CancellationToken cancellationToken) => Task.FromResult(false);

    public override async Task<IReadOnlyList<PlatformIdentity>> FetchIdentitiesAsync(TokenSet tokens, CancellationToken cancellationToken)
    {
        var json = await SendJsonAsync(Request(HttpMethod.Get, $"{Api}/v2/userinfo", tokens.AccessToken), cancellationToken);
        var sub = Required(json, "sub");
        return [new PlatformIdentity(sub, Optional(json, "name") ?? sub, null, Optional(json, "picture"), tokens,
            new Dictionary<string, string> { ["author"] = $"urn:li:person:{sub}" })];
    }

    /// <summary>Journal step: the URN of the post LinkedIn created (<c>x-restli-id</c>).</summary>
    internal const string PostStep = "linkedin.post";

    /// <summary>Journal step: the URN of an image whose bytes LinkedIn has, to attach rather than upload again.</summary>
    internal const string ImageStep = "linkedin.image";

    public override Task<PublishedPost> PublishAsync(AccountCredentials account, PostContent content, CancellationToken cancellationToken) =>
        PublishAsync(account, content, new PublishJournal(), cancellationToken);

    public override async Task<PublishedPost> PublishAsync(AccountCredentials account, PostContent content, PublishJournal journal, CancellationToken cancellationToken)
    {
        var author = AuthorOf(account);
        var text = SentText(content);
        var body = new Dictionary<string, object>
        {
            ["author"] = author,
            ["commentary"] = Escape(text),
            ["visibility"] = "PUBLIC",
            ["distribution"] = new { feedDistribution = "MAIN_FEED", targetEntities = Array.Empty<object>(), thirdPartyDistributionChannels = Array.Empty<object>() },
            ["lifecycleState"] = "PUBLISHED",
            ["isReshareDisabledByAuthor"] = false,
        };
        if (content.MediaItems is [{ Kind: MediaKind.Video } video])
        {
            var videoUrn = await UploadVideoAsync(account, author, video, cancellationToken);
            body["content"] = new { media = content.Title is { Length: > 0 } title ? new { id = videoUrn, title } : (object)new { id = videoUrn } };
        }
        else if (content.MediaItems is [var image])
        {
            if (journal.Find(ImageStep) is not { } imageUrn)
            {
                imageUrn = await UploadImageAsync(account, author, image, cancellationToken);
                await journal.RecordAsync(ImageStep, imageUrn, cancellationToken);
            }
            body["content"] = new { media = new { id = imageUrn, altText = image.AltText } };
        }
        var answer = await SendAsync(Rest(HttpMethod.Post, "/rest/posts", account, Json(body)), cancellationToken);
        var id = Header(answer, "x-restli-id") ?? throw Fail(PlatformErrorKind.Transient, "LinkedIn did not say which post it created.");
        await KeepAsync(journal, id);
        return Published(id);
    }

    /// <summary>
    /// A post URN an earlier attempt received is the answer. Otherwise only the posts-by-author finder can tell, and it
    /// needs <c>r_member_social</c> (<c>r_organization_social</c> for a page), a restricted permission the default scopes
    /// lack ("Permissions", https://learn.microsoft.com/en-us/linkedin/marketing/community-management/shares/posts-api):
    /// without it the question has no reliable answer.
    /// </summary>
    public override async Task<ReconcileResult> ReconcileAsync(
        AccountCredentials account, PostContent content, PublishJournal journal, DateTimeOffset lostSince, CancellationToken cancellationToken)
    {
        if (journal.Find(PostStep) is { } known)
        {
            return ReconcileResult.Found(Published(known));
        }
        var readScope = ReadScopeFor(AuthorOf(account));
        if (!account.HasScope(readScope))
        {
            return ReconcileResult.Unknowable($"LinkedIn shows an app a member's posts only with the {readScope} permission, which this connection was not granted");
        }
        var sent = SentText(content);
        return (await ListRecentPostsAsync(account, PostMatch.RecentCount, cancellationToken))
            .FirstOrDefault(post => PostMatch.IsRecentEnough(post.CreatedAt, lostSince) && PostMatch.SameText(Unescape(post.Text), sent)) is { } found
            ? ReconcileResult.Found(Published(found.PlatformPostId))
            : ReconcileResult.Absent;
    }

    /// <summary>
    /// Kept in case recording the outcome fails, so that the next attempt knows the post without a lookup; LinkedIn has
    /// created it, so failing to keep the URN must not turn that into a failure.
    /// </summary>
    private static async Task KeepAsync(PublishJournal journal, string urn)
    {
        try
        {
            await journal.RecordAsync(PostStep, urn, CancellationToken.None);
        }
        catch (Exception exception) when (exception is not OutOfMemoryException)
        {
            // The outcome, recorded next, carries the URN as well.
        }
    }

    /// <summary>The permission the posts finder needs for this author.</summary>
    internal static string ReadScopeFor(string author) =>
        author.StartsWith("urn:li:organization:", StringComparison.Ordinal) ? "r_organization_social" : "r_member_social";

    private static string AuthorOf(AccountCredentials account) =>
        account.Metadata.TryGetValue("author", out var urn) ? urn : $"urn:li:person:{account.ExternalId}";

    private static string SentText(PostContent content) =>
        content.Link is { Length: > 0 } link ? $"{content.Text}\n{link}".Trim() : content.Text ?? "";

    private static PublishedPost Published(string urn) => new(urn, $"https://www.linkedin.com/feed/update/{urn}/");

    /// <summary>The commentary as written, without the backslashes <see cref="Escape"/> put before reserved characters.</summary>
    internal static string? Unescape(string? commentary)
    {
        if (commentary is null)
        {
            return null;
        }
        var plain = new StringBuilder(commentary.Length);
        for (var i = 0; i < commentary.Length; i++)
        {
            if (commentary[i] == '\\' && i + 1 < commentary.Length && Reserved.Contains(commentary[i + 1], StringComparison.Ordinal))
            {
                i++;
            }
            plain.Append(commentary[i]);
        }
        return plain.ToString();
    }

    public override async Task<PostMetrics> GetMetricsAsync(AccountCredentials account, string platformPostId, CancellationToken cancellationToken)
    {
        // https://learn.microsoft.com/en-us/linkedin/marketing/community-management/members/post-statistics: a member's own
        // post's totals, one queryType per call, with r_member_postAnalytics (socialActions needs r_member_social, which
        // is closed to new apps). Without that permission LinkedIn refuses with 403 ACCESS_DENIED, kept as the reason.
        async Task<long?> TotalAsync(string queryType)
        {
            // Rest.li 2.0 syntax: the tuple's parentheses and colon stay literal, the URN inside is encoded.
            var kind = platformPostId.StartsWith("urn:li:ugcPost:", StringComparison.Ordinal) ? "ugc" : "share";
            var json = await SendJsonAsync(Rest(HttpMethod.Get,
                $"/rest/memberCreatorPostAnalytics?q=entity&entity=({kind}:{Uri.EscapeDataString(platformPostId)})&{Query(("queryType", queryType), ("aggregation", "TOTAL"))}", account), cancellationToken);
            return json.TryGetProperty("elements", out var elements) && elements.ValueKind == JsonValueKind.Array && elements.GetArrayLength() > 0
                ? OptionalLong(elements[0], "count")
                : null;
        }
        var impressions = await TotalAsync("IMPRESSION");
        var reach = await TotalAsync("MEMBERS_REACHED");
        var reactions = await TotalAsync("REACTION");
        var comments = await TotalAsync("COMMENT");
        var reshares = await TotalAsync("RESHARE");
        return new PostMetrics(platformPostId, Impressions: impressions, Reach: reach, Likes: reactions, Comments: comments, Shares: reshares);
    }

    public override async Task<IReadOnlyList<RecentPost>> ListRecentPostsAsync(AccountCredentials account, int limit, CancellationToken cancellationToken)
    {
        var author = AuthorOf(account);
        var finder = Rest(HttpMethod.Get,
            $"/rest/posts?{Query(("author", author), ("q", "author"), ("count", Math.Clamp(limit, 1, 100).ToString(CultureInfo.InvariantCulture)), ("sortBy", "LAST_MODIFIED"))}",
            account);
        // Rest.li finders are refused without this header ("Find Posts by Authors",
        // https://learn.microsoft.com/en-us/linkedin/marketing/community-management/shares/posts-api).
        finder.Headers.Add("X-RestLi-Method", "FINDER");
        var json = await SendJsonAsync(finder, cancellationToken);
        return json.GetProperty("elements").EnumerateArray().Select(p => new RecentPost(Required(p, "id"), Optional(p, "commentary"),
            OptionalLong(p, "createdAt") is { } ms ? DateTimeOffset.FromUnixTimeMilliseconds(ms) : null,
            $"https://www.linkedin.com/feed/update/{Required(p, "id")}/")).ToList();
    }

    internal static string Escape(string text)
    {
        var escaped = new StringBuilder(text.Length);
        foreach (var c in text)
        {
            if (Reserved.Contains(c, StringComparison.Ordinal))
            {
                escaped.Append('\\');
            }
            escaped.Append(c);
        }
        return escaped.ToString();
    }

    private async Task<string> UploadImageAsync(AccountCredentials account, string owner, MediaItem image, CancellationToken cancellationToken)
    {
        var init = await SendJsonAsync(Rest(HttpMethod.Post, "/rest/images?action=initializeUpload", account,
            Json(new { initializeUploadRequest = new { owner } })), cancellationToken);
        var uploadUrl = Required(init, "value", "uploadUrl");
        var urn = Required(init, "value", "image");
        var bytes = await DownloadAsync(image, cancellationToken);
        var put = Request(HttpMethod.Put, uploadUrl, account.AccessToken, new ByteArrayContent(bytes));
        put.Content!.Headers.ContentType = new(image.ContentType);
        await SendAsync(put, cancellationToken);
        return urn;
    }

    /// <summary>
    /// Videos API: initializeUpload declares the size and answers one upload URL per byte range; each part is PUT
    /// there and its ETag collected, and finalizeUpload hands the ETags back in part order.
    /// </summary>
    private async Task<string> UploadVideoAsync(AccountCredentials account, string owner, MediaItem video, CancellationToken cancellationToken)
    {
        var bytes = await DownloadAsync(video, cancellationToken);
        var init = await SendJsonAsync(Rest(HttpMethod.Post, "/rest/videos?action=initializeUpload", account, Json(new
        {
            initializeUploadRequest = new { owner, fileSizeBytes = bytes.Length, uploadCaptions = false, uploadThumbnail = false },
        })), cancellationToken);
        var urn = Required(init, "value", "video");
        if (!init.GetProperty("value").TryGetProperty("uploadInstructions", out var instructions) || instructions.ValueKind != JsonValueKind.Array)
        {
            throw Fail(PlatformErrorKind.Transient, "LinkedIn did not say where to upload the video.");
        }
        var partIds = new List<string>();
        foreach (var instruction in instructions.EnumerateArray())
        {
            var first = OptionalLong(instruction, "firstByte");
            var last = OptionalLong(instruction, "lastByte");
            if (first is not { } from || last is not { } to || from < 0 || to < from || to >= bytes.Length)
            {
                throw Fail(PlatformErrorKind.Transient, "LinkedIn asked for a byte range the video does not have.");
            }
            var part = new ByteArrayContent(bytes, (int)from, (int)(to - from + 1));
            part.Headers.ContentType = new("application/octet-stream");
            var uploaded = await SendAsync(Request(HttpMethod.Put, Required(instruction, "uploadUrl"), content: part), cancellationToken);
            partIds.Add(Header(uploaded, "ETag") ?? throw Fail(PlatformErrorKind.Transient, "LinkedIn did not answer an ETag for a video part."));
        }
        await SendAsync(Rest(HttpMethod.Post, "/rest/videos?action=finalizeUpload", account, Json(new
        {
            finalizeUploadRequest = new { video = urn, uploadToken = Optional(init, "value", "uploadToken") ?? "", uploadedPartIds = partIds },
        })), cancellationToken);
        return urn;
    }

    private HttpRequestMessage Rest(HttpMethod method, string path, AccountCredentials account, HttpContent? content = null)
    {
        var request = Request(method, Api + path, account.AccessToken, content);
        request.Headers.Add("LinkedIn-Version", Options.ApiVersion);
        request.Headers.Add("X-Restli-Protocol-Version", "2.0.0");
        return request;
    }

    /// <summary><c>{"status","code","message"}</c>; daily limits reset at midnight UTC, which is the only retry hint.</summary>
    protected override PlatformException MapError(Answer answer)
    {
        var json = TryParse(answer.Body);
        if (json is { } oauth && Optional(oauth, "error") is not null)
        {
            return OAuthError(answer);
        }
        var code = json is { } j ? Optional(j, "code") ?? Optional(j, "serviceErrorCode") : null;
        var message = $"LinkedIn answered {(int)answer.Status}: {(json is { } m ? Optional(m, "message") : null) ?? "no detail"}";
        return answer.Status switch
        {
            HttpStatusCode.TooManyRequests => Fail(PlatformErrorKind.RateLimited, message,
                RetryAfter(answer) ?? Clock.GetUtcNow().UtcDateTime.Date.AddDays(1) - Clock.GetUtcNow().UtcDateTime, code),
            HttpStatusCode.UnprocessableEntity => Fail(PlatformErrorKind.ContentRejected, message, code: code),
            // learn.microsoft.com/linkedin/shared/api-guide/concepts/error-handling: a 401 whose code says the member revoked the token.
            HttpStatusCode.Unauthorized when code == "REVOKED_ACCESS_TOKEN" => Fail(PlatformErrorKind.TokenRevoked, message, code: code),
            _ => FromStatus(answer, message, code),
        };
    }
}
