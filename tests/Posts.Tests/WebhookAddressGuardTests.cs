using System.Net;
using System.Net.Http.Json;
using Microsoft.Extensions.DependencyInjection;
using Platform.SharedKernel.Outbound;
using Shouldly;

namespace Platform.Posts.Tests;

/// <summary>
/// Delivery checks the webhook's address again, on the address it connects to: a name that pointed at a public address
/// when it was saved and at loopback when the event goes out (DNS rebinding) is never connected to, and the job fails
/// for good instead of retrying.
/// </summary>
public sealed class WebhookAddressGuardTests
{
    [Test]
    public async Task A_webhook_name_that_turns_to_loopback_after_it_was_saved_is_never_connected_to_nor_retried()
    {
        await using var x = await FakePlatform.StartAsync();
        x.On("POST", "/2/tweets", FakeResponse.Json("""{"data":{"id":"557","text":"ok"}}""", 201));
        using var listener = new ConnectionRecorder();
        var dns = new ScriptedResolver().Answer("hooks.rebind.example", ["93.184.215.14"], ["127.0.0.1"]);
        await using var app = new PostsApp(x, new Dictionary<string, string?> { ["OutboundRequests:AllowedPorts:0"] = listener.Port.ToString() })
        {
            TestServices = services => services.AddSingleton<IHostResolver>(dns),
        };
        var owner = await app.RegisterAsync();
        var account = await app.ConnectXAsync(owner, x);
        var saved = await owner.Client.PatchAsJsonAsync("/api/v1/tenant",
            new { settings = new { timeZone = "UTC", locale = "en-US", webhookUrl = $"https://hooks.rebind.example:{listener.Port}/hooks" } });
        saved.StatusCode.ShouldBe(HttpStatusCode.OK, await saved.Content.ReadAsStringAsync());
        var post = await PostApi.CreateAsync(owner.Client, PostApi.Draft(account, "Rebound"));

        await owner.Client.PostAsync($"/api/v1/posts/{post.Id()}/publish", null);
        await PostApi.WaitForAsync(owner.Client, post.Id(), "Published");
        var state = await Eventually.WaitForAsync(async () => (string?)await app.Database.SuperuserScalarAsync(
            "SELECT statename FROM hangfire.job WHERE invocationdata::text LIKE '%WebhookDeliveryJob%'"), name => name is "Failed" or "Scheduled" or "Succeeded");

        state.ShouldBe("Failed");
        var states = (string)(await app.Database.SuperuserScalarAsync(
            "SELECT string_agg(s.name, ',' ORDER BY s.id) FROM hangfire.state s JOIN hangfire.job j ON j.id = s.jobid WHERE j.invocationdata::text LIKE '%WebhookDeliveryJob%'"))!;
        states.ShouldBe("Enqueued,Processing,Failed");
        var failure = (string)(await app.Database.SuperuserScalarAsync(
            "SELECT s.data::text FROM hangfire.state s JOIN hangfire.job j ON j.id = s.jobid WHERE j.invocationdata::text LIKE '%WebhookDeliveryJob%' AND s.name = 'Failed'"))!;
        failure.ShouldContain(nameof(OutboundRequestRefusedException));
        failure.ShouldContain("hooks.rebind.example resolves to 127.0.0.1, a loopback address.");
        dns.LookupsOf("hooks.rebind.example").ShouldBe(2);
        listener.Connections.ShouldBe(0);
    }
}
