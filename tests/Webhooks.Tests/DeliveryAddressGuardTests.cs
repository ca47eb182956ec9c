using System.Net.Http.Json;
using Microsoft.Extensions.DependencyInjection;
using Platform.SharedKernel.Outbound;
using Shouldly;

namespace Platform.Webhooks.Tests;

/// <summary>
/// Delivery checks the subscription's address again, on the address it connects to: a name that pointed at a public
/// address when it was saved and at loopback when the delivery goes out (DNS rebinding) is never connected to, and the
/// delivery is dead-lettered at once instead of retried.
/// </summary>
public sealed class DeliveryAddressGuardTests
{
    [Test]
    public async Task A_name_that_turns_to_loopback_after_it_was_saved_is_never_connected_to_nor_retried()
    {
        using var listener = new ConnectionRecorder();
        var dns = new ScriptedResolver().Answer("hooks.rebind.example", ["93.184.215.14"], ["127.0.0.1"]);
        await using var app = new PlatformApp(new Dictionary<string, string?> { ["OutboundRequests:AllowedPorts:0"] = listener.Port.ToString() })
        {
            TestServices = services => services.AddSingleton<IHostResolver>(dns),
        };
        var owner = await app.RegisterAsync();
        var (id, _) = await WebhookApi.SubscribeAsync(owner.Client, $"https://hooks.rebind.example:{listener.Port}/hooks", "post.published");

        var deliveryId = (await WebhookApi.PingAsync(owner.Client, id)).GetProperty("id").GetGuid();
        var dead = await WebhookApi.WaitForDeliveryAsync(owner.Client, id, deliveryId, "DeadLetter");

        dead.GetProperty("attempts").GetInt32().ShouldBe(1);
        var attempt = dead.GetProperty("attemptLog")[0];
        attempt.GetProperty("error").GetString().ShouldBe("hooks.rebind.example resolves to 127.0.0.1, a loopback address.");
        attempt.GetProperty("statusCode").ValueKind.ShouldBe(System.Text.Json.JsonValueKind.Null);
        dns.LookupsOf("hooks.rebind.example").ShouldBe(2);
        listener.Connections.ShouldBe(0);
    }
}
