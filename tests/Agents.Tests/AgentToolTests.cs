using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Platform.TestKit;
using Shouldly;

namespace Platform.Agents.Tests;

/// <summary>Each tool through the SDK's own client against the real host: what it does, in the key's tenant only.</summary>
public sealed class AgentToolTests : AgentFixture
{
    [Test]
    public async Task The_tool_list_names_every_tool_and_what_it_takes()
    {
        var (_, key) = await Owner.CreateKeyAsync(AgentClients.AllScopes);
        await using var agent = await App.ConnectAgentAsync(key);

        var tools = await agent.ListToolsAsync();

        tools.Select(t => t.Name).ShouldBe(
            ["list_accounts", "draft_post", "schedule_post", "publish_post", "generate_caption", "generate_hashtags", "get_analytics", "get_calendar"],
            ignoreOrder: true);
        tools.ShouldAllBe(t => !string.IsNullOrWhiteSpace(t.Description));
        var draft = tools.Single(t => t.Name == "draft_post").JsonSchema;
        draft.GetProperty("required").EnumerateArray().Select(r => r.GetString()).ShouldBe(["content", "targets"], ignoreOrder: true);
        draft.GetProperty("properties").TryGetProperty("caller", out _).ShouldBeFalse();
    }

    [Test]
    public async Task list_accounts_shows_the_tenants_accounts_with_their_health_and_not_another_tenants()
    {
        var (_, key) = await Owner.CreateKeyAsync("accounts:read");
        await using var agent = await App.ConnectAgentAsync(key);

        var before = (await agent.CallOkAsync("list_accounts")).EnumerateArray().ToList();
        var pause = await Owner.Client.PostAsJsonAsync($"/api/v1/posts/account-health/{AccountId}/pause", new { reason = "Campaign review" });
        pause.EnsureSuccessStatusCode();
        var after = (await agent.CallOkAsync("list_accounts")).EnumerateArray().ToList();
        (await Owner.Client.PostAsync($"/api/v1/posts/account-health/{AccountId}/resume", null)).EnsureSuccessStatusCode();

        before.Select(a => a.GetProperty("id").GetGuid()).ShouldBe([AccountId]);
        var account = before.Single();
        account.GetProperty("platform").GetString().ShouldBe("X");
        account.GetProperty("name").GetString().ShouldBe("X Dev");
        account.GetProperty("needsReconnect").GetBoolean().ShouldBeFalse();
        account.GetProperty("paused").GetBoolean().ShouldBeFalse();
        after.Single().GetProperty("paused").GetBoolean().ShouldBeTrue();
    }

    [Test]
    public async Task An_agent_drafts_schedules_and_finds_a_post_on_the_calendar()
    {
        var (_, key) = await Owner.CreateKeyAsync("posts:write", "publish", "posts:read");
        await using var agent = await App.ConnectAgentAsync(key);
        var at = DateTimeOffset.UtcNow.AddDays(1);

        var draft = await agent.CallOkAsync("draft_post", new Dictionary<string, object?>
        {
            ["content"] = "Hello from an agent",
            ["title"] = "Agent launch",
            ["targets"] = new[] { new { accountId = AccountId } },
        });
        var postId = draft.GetProperty("id").GetGuid();
        draft.GetProperty("status").GetString().ShouldBe("Draft");
        (await PostStatusAsync(postId)).ShouldBe("draft");

        var scheduled = await agent.CallOkAsync("schedule_post", new Dictionary<string, object?> { ["postId"] = postId, ["scheduledAt"] = at.ToString("O") });
        scheduled.GetProperty("status").GetString().ShouldBe("Scheduled");
        (await PostStatusAsync(postId)).ShouldBe("scheduled");

        var calendar = await agent.CallOkAsync("get_calendar", new Dictionary<string, object?>
        {
            ["from"] = DateTimeOffset.UtcNow, ["to"] = DateTimeOffset.UtcNow.AddDays(30), ["timeZone"] = "UTC",
        });
        var listed = calendar.GetProperty("days").EnumerateArray().SelectMany(d => d.GetProperty("posts").EnumerateArray()).Select(p => p.GetProperty("postId").GetGuid()).ToList();
        listed.ShouldContain(postId);
        listed.ShouldNotContain(OtherPostId);
    }

    [Test]
    public async Task publish_post_queues_a_draft_now()
    {
        var (_, key) = await Owner.CreateKeyAsync("posts:write", "publish");
        await using var agent = await App.ConnectAgentAsync(key);
        var draft = await agent.CallOkAsync("draft_post", new Dictionary<string, object?>
        {
            ["content"] = "Out right now", ["targets"] = new[] { new { accountId = AccountId } },
        });

        var published = await agent.CallOkAsync("publish_post", new Dictionary<string, object?> { ["postId"] = draft.GetProperty("id").GetGuid() });

        published.GetProperty("status").GetString().ShouldBe("Scheduled");
        published.GetProperty("scheduledAt").GetDateTimeOffset().ShouldBeLessThanOrEqualTo(DateTimeOffset.UtcNow);
        (await PostStatusAsync(draft.GetProperty("id").GetGuid())).ShouldBe("scheduled");
    }

    [Test]
    public async Task A_post_breaking_a_platform_rule_is_drafted_with_its_problems_and_refused_naming_the_target()
    {
        var (_, key) = await Owner.CreateKeyAsync("posts:write", "publish");
        await using var agent = await App.ConnectAgentAsync(key);
        var draft = await agent.CallOkAsync("draft_post", new Dictionary<string, object?>
        {
            ["content"] = new string('a', 400), ["targets"] = new[] { new { accountId = AccountId } },
        });
        var postId = draft.GetProperty("id").GetGuid();
        draft.GetProperty("targets")[0].GetProperty("problems").GetArrayLength().ShouldBeGreaterThan(0);

        var scheduled = await agent.CallFailingAsync("schedule_post", new Dictionary<string, object?>
        {
            ["postId"] = postId, ["scheduledAt"] = DateTimeOffset.UtcNow.AddDays(1).ToString("O"),
        });
        var published = await agent.CallFailingAsync("publish_post", new Dictionary<string, object?> { ["postId"] = postId });

        scheduled.ShouldContain("Not publishable");
        scheduled.ShouldContain("targets");
        scheduled.ShouldContain("280");
        published.ShouldContain("Not publishable");
        (await PostStatusAsync(postId)).ShouldBe("draft");
    }

    [Test]
    public async Task generate_caption_and_generate_hashtags_answer_through_the_AI_module_and_charge_the_budget()
    {
        var (_, key) = await Owner.CreateKeyAsync("ai:generate");
        await using var agent = await App.ConnectAgentAsync(key);

        var captions = await agent.CallOkAsync("generate_caption", new Dictionary<string, object?>
        {
            ["prompt"] = "Our new espresso machine makes barista coffee at home", ["platforms"] = new[] { "x" }, ["variants"] = 2,
        });
        var hashtags = await agent.CallOkAsync("generate_hashtags", new Dictionary<string, object?>
        {
            ["text"] = "Our new espresso machine makes barista coffee at home", ["platforms"] = new[] { "x" }, ["count"] = 3,
        });

        captions.GetProperty("type").GetString().ShouldBe("Caption");
        captions.GetProperty("status").GetString().ShouldBe("Completed");
        captions.GetProperty("output").ValueKind.ShouldBe(JsonValueKind.Object);
        hashtags.GetProperty("type").GetString().ShouldBe("Hashtags");
        hashtags.GetProperty("status").GetString().ShouldBe("Completed");
        var usage = (decimal)(await App.Database.SuperuserScalarAsync("SELECT ai_usage_current FROM tenants.tenants WHERE id = $1", Owner.TenantId))!;
        usage.ShouldBeGreaterThan(0m);
    }

    [Test]
    public async Task With_the_AI_budget_used_up_the_AI_tools_fail_saying_so_and_charge_nothing()
    {
        var broke = await App.RegisterAsync();
        await broke.ConnectXAsync(X);
        await App.Database.SuperuserScalarAsync("UPDATE tenants.tenants SET ai_budget_limit = 0 WHERE id = $1", broke.TenantId);
        var (_, key) = await broke.CreateKeyAsync("ai:generate");
        await using var agent = await App.ConnectAgentAsync(key);

        var captions = await agent.CallFailingAsync("generate_caption", new Dictionary<string, object?>
        {
            ["prompt"] = "Coffee at home", ["platforms"] = new[] { "x" },
        });
        var hashtags = await agent.CallFailingAsync("generate_hashtags", new Dictionary<string, object?>
        {
            ["text"] = "Coffee at home", ["platforms"] = new[] { "x" },
        });

        captions.ShouldContain("AI budget exceeded");
        hashtags.ShouldContain("AI budget exceeded");
        var usage = (decimal)(await App.Database.SuperuserScalarAsync("SELECT ai_usage_current FROM tenants.tenants WHERE id = $1", broke.TenantId))!;
        usage.ShouldBe(0m);
    }

    [Test]
    public async Task get_analytics_answers_the_overview_of_the_keys_tenant()
    {
        var (_, key) = await Owner.CreateKeyAsync("analytics:read");
        await using var agent = await App.ConnectAgentAsync(key);

        var overview = await agent.CallOkAsync("get_analytics", new Dictionary<string, object?> { ["from"] = "2026-11-01", ["to"] = "2026-11-30" });

        overview.GetProperty("from").GetString().ShouldBe("2026-11-01");
        overview.GetProperty("to").GetString().ShouldBe("2026-11-30");
        overview.GetProperty("days").GetArrayLength().ShouldBe(30);
        overview.GetProperty("totals").ValueKind.ShouldBe(JsonValueKind.Object);
    }

    [Test]
    public async Task A_key_never_reaches_another_tenants_posts_or_accounts()
    {
        var (_, key) = await Owner.CreateKeyAsync(AgentClients.AllScopes);
        await using var agent = await App.ConnectAgentAsync(key);
        var othersPosts = await PostCountAsync(OtherOwner.TenantId);

        var schedule = await agent.CallFailingAsync("schedule_post", new Dictionary<string, object?>
        {
            ["postId"] = OtherPostId, ["scheduledAt"] = DateTimeOffset.UtcNow.AddDays(3).ToString("O"),
        });
        var publish = await agent.CallFailingAsync("publish_post", new Dictionary<string, object?> { ["postId"] = OtherPostId });
        var draft = await agent.CallFailingAsync("draft_post", new Dictionary<string, object?>
        {
            ["content"] = "Hijack", ["targets"] = new[] { new { accountId = OtherAccountId } },
        });
        var accounts = await agent.CallOkAsync("list_accounts");
        var calendar = await agent.CallOkAsync("get_calendar", new Dictionary<string, object?>
        {
            ["from"] = OtherPostAt.AddDays(-1), ["to"] = OtherPostAt.AddDays(1),
        });

        schedule.ShouldContain("not found");
        publish.ShouldContain("not found");
        draft.ShouldContain("Unknown target account");
        accounts.EnumerateArray().Select(a => a.GetProperty("id").GetGuid()).ShouldNotContain(OtherAccountId);
        calendar.GetProperty("days").EnumerateArray().SelectMany(d => d.GetProperty("posts").EnumerateArray())
            .Select(p => p.GetProperty("postId").GetGuid()).ShouldNotContain(OtherPostId);
        (await PostStatusAsync(OtherPostId)).ShouldBe("scheduled");
        (await PostCountAsync(OtherOwner.TenantId)).ShouldBe(othersPosts);
    }

    [Test]
    public async Task Every_tool_call_is_in_the_audit_log_with_the_key_the_tool_and_its_outcome()
    {
        var (keyId, key) = await Owner.CreateKeyAsync("accounts:read");
        await using var agent = await App.ConnectAgentAsync(key);

        await agent.CallOkAsync("list_accounts");
        await agent.CallFailingAsync("get_analytics");

        var response = await Owner.Client.GetAsync($"/api/v1/audit?action=agent.tool_called&resourceType=api_key&resourceId={keyId}");
        response.StatusCode.ShouldBe(HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
        var calls = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("items").EnumerateArray().Reverse().ToList();
        calls.Select(c => (c.GetProperty("after").GetProperty("tool").GetString(), c.GetProperty("after").GetProperty("outcome").GetString()))
            .ShouldBe([("list_accounts", "Succeeded"), ("get_analytics", "Refused")]);
        calls.ShouldAllBe(c => c.GetProperty("actor").GetProperty("kind").GetString() == "ApiKey"
            && c.GetProperty("actor").GetProperty("apiKeyId").GetGuid() == keyId
            && c.GetProperty("actor").GetProperty("userId").GetGuid() == Owner.UserId);
        calls[0].GetProperty("after").GetProperty("reason").ValueKind.ShouldBe(JsonValueKind.Null);
        calls[1].GetProperty("after").GetProperty("reason").GetString()!.ShouldContain("analytics:read");
        var others = await OtherOwner.Client.GetFromJsonAsync<JsonElement>($"/api/v1/audit?action=agent.tool_called&resourceId={keyId}");
        others.GetProperty("items").GetArrayLength().ShouldBe(0, "another tenant sees the key's calls");
    }
}
