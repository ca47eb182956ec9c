using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Platform.TestKit;
using Shouldly;

namespace Platform.Agents.Tests;

/// <summary>
/// The real host with X at a local server: an owner with a connected X account, and another tenant with its own account
/// and a scheduled post, which none of the owner's keys may see. Publishing's dispatcher is off: posts stay queued.
/// </summary>
public abstract class AgentFixture
{
    private const string Initialize =
        """{"jsonrpc":"2.0","id":1,"method":"initialize","params":{"protocolVersion":"2025-06-18","capabilities":{},"clientInfo":{"name":"probe","version":"1.0"}}}""";

    internal PlatformApp App { get; private set; } = null!;
    internal TestAccount Owner { get; private set; } = null!;
    internal TestAccount OtherOwner { get; private set; } = null!;
    internal Guid AccountId { get; private set; }
    internal Guid OtherAccountId { get; private set; }
    internal Guid OtherPostId { get; private set; }
    internal DateTimeOffset OtherPostAt { get; } = DateTimeOffset.UtcNow.AddDays(2);
    internal FakePlatform X { get; private set; } = null!;

    [OneTimeSetUp]
    public async Task StartAsync()
    {
        X = await FakePlatform.StartAsync();
        var settings = FakeX.Settings(X);
        settings["Publishing:DispatcherEnabled"] = "false";
        // The offline model costs something, so a budget can run out.
        settings["AI:Prices:offline-text-v1:InputPerMillion"] = "100";
        settings["AI:Prices:offline-text-v1:OutputPerMillion"] = "100";
        Configure(settings);
        App = new PlatformApp(settings);
        Owner = await App.RegisterAsync();
        OtherOwner = await App.RegisterAsync();
        AccountId = await Owner.ConnectXAsync(X);
        OtherAccountId = await OtherOwner.ConnectXAsync(X);
        OtherPostId = await ScheduleThroughRestAsync(OtherOwner, OtherAccountId, OtherPostAt);
    }

    /// <summary>Settings of a fixture's own over these.</summary>
    protected virtual void Configure(Dictionary<string, string?> settings)
    {
    }

    [OneTimeTearDown]
    public async Task StopAsync()
    {
        await App.DisposeAsync();
        await X.DisposeAsync();
    }

    /// <summary>A raw <c>initialize</c> request to <c>/mcp</c>, with <paramref name="bearer"/> when given.</summary>
    internal async Task<HttpResponseMessage> InitializeAsync(string? bearer)
    {
        using var client = App.CreateClient();
        using var request = new HttpRequestMessage(HttpMethod.Post, "/mcp") { Content = new StringContent(Initialize, Encoding.UTF8, "application/json") };
        request.Headers.Accept.ParseAdd("application/json");
        request.Headers.Accept.ParseAdd("text/event-stream");
        if (bearer is not null)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", bearer);
        }
        return await client.SendAsync(request);
    }

    internal async Task<long> PostCountAsync(Guid tenantId) =>
        (long)(await App.Database.SuperuserScalarAsync("SELECT count(*) FROM posts.posts WHERE tenant_id = $1", tenantId))!;

    internal async Task<string> PostStatusAsync(Guid postId) =>
        (string)(await App.Database.SuperuserScalarAsync("SELECT status FROM posts.posts WHERE id = $1", postId))!;

    private static async Task<Guid> ScheduleThroughRestAsync(TestAccount owner, Guid accountId, DateTimeOffset at)
    {
        var created = await owner.Client.PostAsJsonAsync("/api/v1/posts",
            new { title = "Other tenant's launch", content = "Not for other tenants", type = "text", targets = new[] { new { accountId } } });
        created.StatusCode.ShouldBe(HttpStatusCode.Created, await created.Content.ReadAsStringAsync());
        var id = (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
        var scheduled = await owner.Client.PostAsJsonAsync($"/api/v1/posts/{id}/schedule", new { scheduledAt = at.ToString("O") });
        scheduled.StatusCode.ShouldBe(HttpStatusCode.OK, await scheduled.Content.ReadAsStringAsync());
        return id;
    }
}
