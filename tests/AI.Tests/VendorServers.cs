namespace Platform.AI.Tests;

/// <summary>Local OpenAI and Anthropic servers, and the settings that point the host at them.</summary>
internal sealed class VendorServers : IAsyncDisposable
{
    /// <summary>https://platform.openai.com/docs/api-reference/chat/create</summary>
    public const string ChatPath = "/v1/chat/completions";
    /// <summary>https://docs.anthropic.com/en/api/messages</summary>
    public const string MessagesPath = "/v1/messages";
    /// <summary>https://platform.openai.com/docs/api-reference/moderations/create</summary>
    public const string ModerationsPath = "/v1/moderations";
    /// <summary>https://platform.openai.com/docs/api-reference/images/create</summary>
    public const string ImagesPath = "/v1/images/generations";

    private VendorServers(FakeProviderServer openAi, FakeProviderServer anthropic) => (OpenAi, Anthropic) = (openAi, anthropic);

    public FakeProviderServer OpenAi { get; }

    public FakeProviderServer Anthropic { get; }

    public static async Task<VendorServers> StartAsync() => new(await FakeProviderServer.StartAsync(), await FakeProviderServer.StartAsync());

    /// <summary>Both vendors' keys and base URLs, plus <paramref name="more"/> (prices, resilience, moderation).</summary>
    public Dictionary<string, string?> Settings(IReadOnlyDictionary<string, string?> more)
    {
        var settings = new Dictionary<string, string?>
        {
            ["AI:OpenAI:ApiKey"] = "sk-test-openai",
            ["AI:OpenAI:BaseUrl"] = OpenAi.BaseUrl + "/v1",
            ["AI:Anthropic:ApiKey"] = "sk-ant-test",
            ["AI:Anthropic:BaseUrl"] = Anthropic.BaseUrl,
        };
        foreach (var (key, value) in more)
        {
            settings[key] = value;
        }
        return settings;
    }

    public void Reset()
    {
        OpenAi.Reset();
        Anthropic.Reset();
    }

    public async ValueTask DisposeAsync()
    {
        await OpenAi.DisposeAsync();
        await Anthropic.DisposeAsync();
    }
}
