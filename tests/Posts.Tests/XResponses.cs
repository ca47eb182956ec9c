namespace Platform.Posts.Tests;

/// <summary>Answers of X's API the fake plays back, as X documents them.</summary>
internal static class XResponses
{
    /// <summary>X's 429, with the reset time of its rate limit window <paramref name="resetIn"/> from now.</summary>
    public static FakeResponse TooManyRequests(TimeSpan resetIn) => FakeResponse.Json(
        """{"title":"Too Many Requests","detail":"Too Many Requests","type":"about:blank","status":429}""", 429,
        new Dictionary<string, string> { ["x-rate-limit-reset"] = DateTimeOffset.UtcNow.Add(resetIn).ToUnixTimeSeconds().ToString() });
}
