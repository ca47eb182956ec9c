using System.Net;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Shouldly;

namespace Platform.Webhooks.Tests;

/// <summary>The calls the tests make, through the public API only.</summary>
internal static class WebhookApi
{
    public static async Task<(Guid Id, string Secret)> SubscribeAsync(HttpClient client, string url, params string[] eventTypes)
    {
        var response = await client.PostAsJsonAsync("/api/v1/webhooks", new { url, eventTypes });
        response.StatusCode.ShouldBe(HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
        var created = await response.Content.ReadFromJsonAsync<JsonElement>();
        return (created.GetProperty("subscription").GetProperty("id").GetGuid(), created.GetProperty("secret").GetString()!);
    }

    public static async Task<JsonElement> PingAsync(HttpClient client, Guid subscriptionId)
    {
        var response = await client.PostAsync($"/api/v1/webhooks/{subscriptionId}/ping", null);
        response.StatusCode.ShouldBe(HttpStatusCode.Accepted, await response.Content.ReadAsStringAsync());
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    public static async Task<JsonElement[]> DeliveriesAsync(HttpClient client, Guid subscriptionId) =>
        [.. (await client.GetFromJsonAsync<JsonElement>($"/api/v1/webhooks/{subscriptionId}/deliveries")).GetProperty("items").EnumerateArray()];

    /// <summary>Polls the delivery log (up to 40 s) until the delivery has <paramref name="status"/>.</summary>
    public static async Task<JsonElement> WaitForDeliveryAsync(HttpClient client, Guid subscriptionId, Guid deliveryId, string status)
    {
        JsonElement found = default;
        for (var i = 0; i < 400; i++)
        {
            found = (await DeliveriesAsync(client, subscriptionId)).SingleOrDefault(d => d.GetProperty("id").GetGuid() == deliveryId);
            if (found.ValueKind == JsonValueKind.Object && found.GetProperty("status").GetString() == status)
            {
                return found;
            }
            await Task.Delay(100);
        }
        throw new TimeoutException($"Delivery {deliveryId} did not become {status}: {found}");
    }

    /// <summary>Probes every 100 ms until <paramref name="arrived"/> holds; fails after 20 s.</summary>
    public static async Task<T> EventuallyAsync<T>(Func<Task<T>> probe, Func<T, bool> arrived)
    {
        for (var i = 0; i < 200; i++)
        {
            var value = await probe();
            if (arrived(value))
            {
                return value;
            }
            await Task.Delay(100);
        }
        throw new TimeoutException("Nothing arrived within 20 s.");
    }

    /// <summary>The <c>v1</c> values of a signature header, and whether one of them is the HMAC of <paramref name="secret"/> over "t.body".</summary>
    public static bool IsSignedWith(RecordedRequest request, string secret)
    {
        var parts = request.Header("x-platform-signature")!.Split(',').Select(p => p.Split('=', 2)).ToList();
        var timestamp = parts.Single(p => p[0] == "t")[1];
        var expected = Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), Encoding.UTF8.GetBytes($"{timestamp}.{request.Body}")));
        return parts.Where(p => p[0] == "v1").Any(p => p[1] == expected);
    }
}
