using System.Collections.Concurrent;
using System.Globalization;
using System.Text.Json;
using Platform.TestKit;

namespace Platform.PublishLab;


/// <summary>
/// X's API on a <see cref="FakePlatform"/>: OAuth hands out a distinct token and user per connection (a refresh keeps the user), POST /2/tweets
/// accepts everything with a unique id (optionally answering late, so a kill can land mid-call), and each user's
/// timeline (GET /2/users/{id}/tweets) lists what was accepted, for reconciliation.
/// </summary>
internal sealed class FakeX : IAsyncDisposable
{
    private readonly FakePlatform platform;
    private readonly ConcurrentDictionary<string, string> userByToken = new();
    private readonly ConcurrentDictionary<string, string> accessByRefresh = new();
    private readonly ConcurrentDictionary<string, List<ReceivedPost>> timelines = new();
    private readonly ConcurrentQueue<ReceivedPost> tweets = new();
    private long next;

    private FakeX(FakePlatform platform) => this.platform = platform;

    public string Url => platform.Url;
    public IReadOnlyList<ReceivedPost> Tweets => [.. tweets];

    /// <summary>How long to hold the answer to a POST /2/tweets, decided per request.</summary>
    public Func<TimeSpan?> AnswerDelay { get; set; } = () => null;

    public static async Task<FakeX> StartAsync()
    {
        var fake = new FakeX(await FakePlatform.StartAsync());
        fake.platform.On("POST", "/2/oauth2/token", fake.Token);
        fake.platform.On("GET", "/2/users/me", fake.Me);
        fake.platform.On("POST", "/2/tweets", fake.Tweet);
        return fake;
    }

    public Dictionary<string, string> HostSettings() => new()
    {
        ["Platforms__X__AuthorizeUrl"] = Url + "/i/oauth2/authorize",
        ["Platforms__X__TokenUrl"] = Url + "/2/oauth2/token",
        ["Platforms__X__RevokeUrl"] = Url + "/2/oauth2/revoke",
        ["Platforms__X__ApiBaseUrl"] = Url,
        ["Platforms__X__ClientId"] = "lab-client-id",
        ["Platforms__X__ClientSecret"] = "lab-client-secret",
    };

    private string Next() => Interlocked.Increment(ref next).ToString(CultureInfo.InvariantCulture);

    /// <summary>A code grant makes a new user (on first use of its token); a refresh grant keeps the user of the tokens it replaces.</summary>
    private FakeResponse Token(RecordedRequest request)
    {
        var (access, refresh) = ($"x-access-{Next()}", $"x-refresh-{Next()}");
        accessByRefresh[refresh] = access;
        if (request.Form().TryGetValue("refresh_token", out var replaced) && accessByRefresh.TryGetValue(replaced, out var previous))
        {
            userByToken[access] = UserOf(previous);
        }
        return FakeResponse.Json(JsonSerializer.Serialize(new
        {
            token_type = "bearer", expires_in = 86_400, access_token = access, refresh_token = refresh,
            scope = "tweet.read tweet.write users.read offline.access",
        }));
    }

    private string UserOf(RecordedRequest request) => UserOf(request.Header("authorization")?.Replace("Bearer ", "", StringComparison.Ordinal) ?? "");

    private string UserOf(string accessToken) => userByToken.GetOrAdd(accessToken, _ => "9" + Next());


    private FakeResponse Me(RecordedRequest request)
    {
        var user = UserOf(request);
        if (timelines.TryAdd(user, []))
        {
            platform.On("GET", $"/2/users/{user}/tweets", Timeline);
        }
        return FakeResponse.Json(JsonSerializer.Serialize(new { data = new { id = user, name = $"Lab {user}", username = $"lab{user}" } }));
    }

    private FakeResponse Tweet(RecordedRequest request)
    {
        var user = UserOf(request);
        var text = JsonDocument.Parse(request.Body).RootElement.GetProperty("text").GetString() ?? "";
        var tweet = new ReceivedPost(user, text, Next(), DateTimeOffset.UtcNow);
        tweets.Enqueue(tweet);
        var timeline = timelines.GetOrAdd(user, _ => []);
        lock (timeline)
        {
            timeline.Add(tweet);
        }
        return new FakeResponse(201, JsonSerializer.Serialize(new { data = new { id = tweet.Id, text } }), Delay: AnswerDelay());
    }

    private FakeResponse Timeline(RecordedRequest request)
    {
        var user = request.Path.Split('/')[3];
        var max = request.QueryValues().TryGetValue("max_results", out var m) ? int.Parse(m, CultureInfo.InvariantCulture) : 10;
        var timeline = timelines.GetOrAdd(user, _ => []);
        List<object> recent;
        lock (timeline)
        {
            recent = timeline.AsEnumerable().Reverse().Take(max)
                .Select(t => (object)new { id = t.Id, text = t.Text, created_at = t.ReceivedAt.ToString("yyyy-MM-ddTHH:mm:ss.fffZ", CultureInfo.InvariantCulture) })
                .ToList();
        }
        return FakeResponse.Json(JsonSerializer.Serialize(new { data = recent, meta = new { result_count = recent.Count } }));
    }

    public ValueTask DisposeAsync() => platform.DisposeAsync();
}
