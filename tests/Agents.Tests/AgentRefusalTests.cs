using System.Net;
using Platform.TestKit;
using Shouldly;

namespace Platform.Agents.Tests;

/// <summary>What the agents' endpoint refuses: keys without a tool's scope, bad arguments, and every credential but a live key.</summary>
public sealed class AgentRefusalTests : AgentFixture
{
    private static IEnumerable<TestCaseData> ToolsAndTheirScopes()
    {
        var postId = Guid.NewGuid();
        yield return new TestCaseData("list_accounts", "accounts:read", new Dictionary<string, object?>());
        yield return new TestCaseData("draft_post", "posts:write", new Dictionary<string, object?> { ["content"] = "Hi", ["targets"] = new[] { new { accountId = Guid.NewGuid() } } });
        yield return new TestCaseData("schedule_post", "publish", new Dictionary<string, object?> { ["postId"] = postId, ["scheduledAt"] = "2030-01-01T09:00:00Z" });
        yield return new TestCaseData("publish_post", "publish", new Dictionary<string, object?> { ["postId"] = postId });
        yield return new TestCaseData("generate_caption", "ai:generate", new Dictionary<string, object?> { ["prompt"] = "Coffee", ["platforms"] = new[] { "x" } });
        yield return new TestCaseData("generate_hashtags", "ai:generate", new Dictionary<string, object?> { ["text"] = "Coffee", ["platforms"] = new[] { "x" } });
        yield return new TestCaseData("get_analytics", "analytics:read", new Dictionary<string, object?>());
        yield return new TestCaseData("get_calendar", "posts:read", new Dictionary<string, object?> { ["from"] = "2026-12-01T00:00:00Z", ["to"] = "2026-12-08T00:00:00Z" });
    }

    [TestCaseSource(nameof(ToolsAndTheirScopes))]
    public async Task A_key_without_a_tools_scope_is_refused_naming_it_and_nothing_changes(string tool, string scope, Dictionary<string, object?> arguments)
    {
        var (_, key) = await Owner.CreateKeyAsync(AgentClients.AllScopes.Where(s => s != scope).ToArray());
        await using var agent = await App.ConnectAgentAsync(key);
        var posts = await PostCountAsync(Owner.TenantId);

        var error = await agent.CallFailingAsync(tool, arguments);

        error.ShouldContain($"lacks the scope '{scope}'");
        (await PostCountAsync(Owner.TenantId)).ShouldBe(posts);
    }

    private static IEnumerable<TestCaseData> BadArguments()
    {
        yield return new TestCaseData("draft_post", new Dictionary<string, object?> { ["content"] = "No targets" }, null).SetName("draft_post without targets");
        yield return new TestCaseData("draft_post", new Dictionary<string, object?> { ["content"] = "Hi", ["targets"] = Array.Empty<object>() }, "target accounts")
            .SetName("draft_post with no target");
        yield return new TestCaseData("draft_post", new Dictionary<string, object?> { ["content"] = "Hi", ["type"] = "poem", ["targets"] = "everyone" }, null)
            .SetName("draft_post with targets of the wrong type");
        yield return new TestCaseData("schedule_post", new Dictionary<string, object?> { ["postId"] = "not-a-uuid", ["scheduledAt"] = "2030-01-01T09:00:00Z" }, null)
            .SetName("schedule_post with a malformed id");
        yield return new TestCaseData("schedule_post", new Dictionary<string, object?> { ["postId"] = Guid.NewGuid(), ["scheduledAt"] = "next tuesday" }, "ISO 8601")
            .SetName("schedule_post at no time");
        yield return new TestCaseData("schedule_post", new Dictionary<string, object?> { ["postId"] = Guid.NewGuid(), ["scheduledAt"] = "2030-01-01T09:00:00Z" }, "not found")
            .SetName("schedule_post of an unknown post");
        yield return new TestCaseData("generate_caption", new Dictionary<string, object?> { ["prompt"] = "Coffee", ["platforms"] = new[] { "myspace" } }, "Platforms")
            .SetName("generate_caption for an unknown platform");
        yield return new TestCaseData("get_calendar", new Dictionary<string, object?> { ["from"] = "2026-12-08T00:00:00Z", ["to"] = "2026-12-01T00:00:00Z" }, "after 'from'")
            .SetName("get_calendar ending before it starts");
        yield return new TestCaseData("get_analytics", new Dictionary<string, object?> { ["from"] = "yesterday" }, null).SetName("get_analytics from no day");
        yield return new TestCaseData("no_such_tool", new Dictionary<string, object?>(), null).SetName("an unknown tool");
    }

    [TestCaseSource(nameof(BadArguments))]
    public async Task Bad_arguments_are_a_tool_error_never_a_server_error_and_change_nothing(string tool, Dictionary<string, object?> arguments, string? reason)
    {
        var (_, key) = await Owner.CreateKeyAsync(AgentClients.AllScopes);
        await using var agent = await App.ConnectAgentAsync(key);
        var posts = await PostCountAsync(Owner.TenantId);

        var error = await agent.CallFailingAsync(tool, arguments);

        error.ShouldNotBeNullOrWhiteSpace();
        if (reason is not null)
        {
            error.ShouldContain(reason);
        }
        (await PostCountAsync(Owner.TenantId)).ShouldBe(posts);
    }

    [Test]
    public async Task A_live_key_opens_a_session()
    {
        var (_, key) = await Owner.CreateKeyAsync("posts:read");

        var response = await InitializeAsync(key);

        response.StatusCode.ShouldBe(HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
    }

    [Test]
    public async Task A_persons_token_is_not_accepted()
    {
        var response = await InitializeAsync(Owner.AccessToken);

        response.StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
    }

    [Test]
    public async Task A_revoked_key_is_refused_before_any_protocol_traffic()
    {
        var (id, key) = await Owner.CreateKeyAsync(AgentClients.AllScopes);
        (await Owner.Client.PostAsync($"/api/v1/api-keys/{id}/revoke", null)).StatusCode.ShouldBe(HttpStatusCode.NoContent);

        var response = await InitializeAsync(key);

        response.StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        (await response.Content.ReadAsStringAsync()).ShouldNotContain("jsonrpc");
    }

    [Test]
    public async Task An_expired_key_is_refused()
    {
        var (id, key) = await Owner.CreateKeyAsync(AgentClients.AllScopes);
        await App.Database.SuperuserScalarAsync(
            "UPDATE api_keys.keys SET created_at = now() - interval '2 hours', expires_at = now() - interval '1 hour' WHERE id = $1", id);

        var response = await InitializeAsync(key);

        response.StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
    }

    [TestCase(null)]
    [TestCase("plk_not-a-key")]
    [TestCase("plk_00000000000000000000000000000000_AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA")]
    public async Task A_missing_malformed_or_unknown_key_is_refused(string? key)
    {
        var response = await InitializeAsync(key);

        response.StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
    }
}
