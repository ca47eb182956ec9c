using System.Globalization;
using System.Text.Json;
using Platform.TestKit;

namespace Platform.PublishLab;

/// <summary>
/// A slow OpenAI-compatible chat completions server for the load lab: every answer takes <see cref="Delay"/>, the way a
/// busy model does. Request and answer follow https://platform.openai.com/docs/api-reference/chat/create (the chat
/// completion object with <c>choices[].message</c> and <c>usage</c>).
/// </summary>
internal sealed class SlowAi : IAsyncDisposable
{
    public const string Model = "lab-slow-model";
    private readonly FakePlatform platform;
    private long answered;

    private SlowAi(FakePlatform platform, TimeSpan delay)
    {
        this.platform = platform;
        Delay = delay;
    }

    public TimeSpan Delay { get; }
    public long Answered => Interlocked.Read(ref answered);

    public static async Task<SlowAi> StartAsync(TimeSpan delay)
    {
        var ai = new SlowAi(await FakePlatform.StartAsync(), delay);
        ai.platform.On("POST", "/v1/chat/completions", ai.Complete);
        return ai;
    }

    /// <summary>Captions go to this server as the <c>compatible</c> provider, priced so every answer costs something.</summary>
    public Dictionary<string, string> HostSettings() => new()
    {
        ["AI__Compatible__BaseUrl"] = platform.Url + "/v1",
        ["AI__Compatible__ApiKey"] = "lab-key",
        ["AI__Compatible__Models__Caption"] = Model,
        ["AI__Routing__Caption"] = "compatible",
        ["AI__Prices__" + Model + "__InputPerMillion"] = "0.15",
        ["AI__Prices__" + Model + "__OutputPerMillion"] = "0.6",
    };

    private FakeResponse Complete(RecordedRequest request)
    {
        using var body = JsonDocument.Parse(request.Body);
        var prompt = body.RootElement.GetProperty("messages").EnumerateArray().Last().GetProperty("content").GetString() ?? "";
        var words = prompt.Split(' ', StringSplitOptions.RemoveEmptyEntries).Take(12);
        var content = string.Join('\n', Enumerable.Range(1, 3).Select(i => $"{i}. {string.Join(' ', words)} #{i}"));
        Interlocked.Increment(ref answered);
        var answer = new
        {
            id = "chatcmpl-lab-" + Guid.NewGuid().ToString("N"),
            @object = "chat.completion",
            created = DateTimeOffset.UtcNow.ToUnixTimeSeconds(),
            model = Model,
            choices = new[] { new { index = 0, message = new { role = "assistant", content }, finish_reason = "stop" } },
            usage = new { prompt_tokens = prompt.Length / 4 + 20, completion_tokens = content.Length / 4, total_tokens = prompt.Length / 4 + 20 + content.Length / 4 },
        };
        return new FakeResponse(200, JsonSerializer.Serialize(answer), Delay: Delay);
    }

    public override string ToString() => $"slow AI at {platform.Url}, {Delay.TotalSeconds.ToString(CultureInfo.InvariantCulture)} s per answer";

    public ValueTask DisposeAsync() => platform.DisposeAsync();
}
