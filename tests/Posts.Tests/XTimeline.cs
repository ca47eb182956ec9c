using System.Collections.Concurrent;
using System.Text.Json;

namespace Platform.Posts.Tests;

/// <summary>
/// A scripted X that keeps what it accepts: each tweet shows in the user's timeline the moment it is posted, where a lookup
/// after a lost answer finds it, while the answer itself may be held past the client's timeout.
/// </summary>
internal sealed class XTimeline
{
    public static readonly string Path = $"/2/users/{PostsApp.XUserId}/tweets";

    private readonly FakePlatform x;
    private readonly ConcurrentQueue<(string Id, string Text, DateTimeOffset At)> tweets = new();
    private int ids;

    /// <summary>Serves the timeline on <paramref name="fake"/>, empty until a tweet is accepted; ids count up from <paramref name="firstId"/>.</summary>
    public XTimeline(FakePlatform fake, int firstId)
    {
        x = fake;
        ids = firstId;
        x.On("GET", Path, _ => FakeResponse.Json(JsonSerializer.Serialize(new
        {
            data = tweets.Reverse().Select(t => new { id = t.Id, text = t.Text, created_at = t.At.ToString("yyyy-MM-ddTHH:mm:ss.fffZ") }),
            meta = new { result_count = tweets.Count },
        })));
    }

    /// <summary>The tweets X holds, oldest first.</summary>
    public IReadOnlyList<(string Id, string Text, DateTimeOffset At)> Tweets => [.. tweets];

    /// <summary>X creates each tweet at once and answers after <paramref name="answerAfter"/> (at once when null).</summary>
    public void AcceptTweets(TimeSpan? answerAfter) => x.On("POST", "/2/tweets", request =>
    {
        var id = Interlocked.Increment(ref ids).ToString();
        tweets.Enqueue((id, JsonDocument.Parse(request.Body).RootElement.GetProperty("text").GetString()!, DateTimeOffset.UtcNow));
        return FakeResponse.Json($$$"""{"data":{"id":"{{{id}}}","text":"ok"}}""", 201) with { Delay = answerAfter };
    });
}
