using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Platform.SharedKernel.Outbound;
using Shouldly;

namespace Platform.Webhooks.Tests;

/// <summary>
/// Saving a subscription's URL resolves its host, which may take seconds; the request holds no pooled connection meanwhile.
/// The host here admits one request unit of work at a time, so a held connection would make every other request 503.
/// </summary>
public sealed class SubscriptionUrlLookupTests
{
    private const string SlowHost = "hooks.slow-dns.example";
    private readonly SlowResolver dns = new();
    private PlatformApp app = null!;
    private TestAccount owner = null!;

    [OneTimeSetUp]
    public async Task Start()
    {
        app = new PlatformApp(new Dictionary<string, string?>
        {
            ["Database:Requests:BackgroundReserve"] = "4",
            ["Database:Requests:WaitMilliseconds"] = "300",
        })
        {
            MaxPoolSize = 5,
            TestServices = services => services.AddSingleton<IHostResolver>(dns),
        };
        owner = await app.RegisterAsync();
    }

    [OneTimeTearDown]
    public Task Stop() => app.DisposeAsync().AsTask();

    [Test]
    public async Task Other_requests_are_answered_while_a_subscription_host_is_being_resolved()
    {
        var saving = owner.Client.PostAsJsonAsync("/api/v1/webhooks", new { url = $"https://{SlowHost}/hooks", eventTypes = new[] { "post.published" } });
        await dns.Started.Task.WaitAsync(TimeSpan.FromSeconds(30));

        var reads = await Task.WhenAll(Enumerable.Range(0, 3).Select(_ => owner.Client.GetAsync("/api/v1/tenant")));

        dns.Release();
        reads.Select(r => r.StatusCode).ShouldAllBe(status => status == HttpStatusCode.OK);
        var saved = await saving;
        saved.StatusCode.ShouldBe(HttpStatusCode.Created, await saved.Content.ReadAsStringAsync());
        (await owner.Client.GetFromJsonAsync<JsonElement[]>("/api/v1/webhooks"))!.Single().GetProperty("url").GetString().ShouldBe($"https://{SlowHost}/hooks");
    }

    /// <summary>Answers a public address for <see cref="SlowHost"/> only when the test releases it.</summary>
    private sealed class SlowResolver : IHostResolver
    {
        private readonly TaskCompletionSource released = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public TaskCompletionSource Started { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public void Release() => released.TrySetResult();

        public async Task<IPAddress[]> ResolveAsync(string host, CancellationToken cancellationToken)
        {
            if (!host.Equals(SlowHost, StringComparison.OrdinalIgnoreCase))
            {
                return await Dns.GetHostAddressesAsync(host, cancellationToken);
            }
            Started.TrySetResult();
            await released.Task.WaitAsync(TimeSpan.FromSeconds(30), cancellationToken);
            return [IPAddress.Parse("93.184.215.14")];
        }
    }
}
