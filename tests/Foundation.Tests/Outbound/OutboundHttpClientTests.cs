using System.Diagnostics;
using System.Net;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Platform.SharedKernel.Outbound;
using Platform.TestKit;
using Shouldly;

namespace Platform.Foundation.Tests.Outbound;

/// <summary>
/// The outbound HttpClient against local servers: it connects only to addresses it checked itself, follows no redirect,
/// and stops at its time and size limits; the allow-list lets a local test server through.
/// </summary>
public sealed class OutboundHttpClientTests
{
    private const string ClientName = "outbound-test";

    private static ServiceProvider Services(IDictionary<string, string?> settings, ScriptedResolver? resolver = null)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        var services = new ServiceCollection().AddSingleton<IConfiguration>(configuration);
        if (resolver is not null)
        {
            services.AddSingleton<IHostResolver>(resolver);
        }
        services.AddOutboundHttpClient(ClientName);
        return services.BuildServiceProvider();
    }

    private static HttpClient Client(ServiceProvider services) => services.GetRequiredService<IHttpClientFactory>().CreateClient(ClientName);

    [Test]
    public async Task A_loopback_address_is_refused_before_any_connection()
    {
        using var listener = new ConnectionRecorder();
        using var services = Services(new Dictionary<string, string?> { ["OutboundRequests:AllowedPorts:0"] = listener.Port.ToString() });

        var failure = await Should.ThrowAsync<HttpRequestException>(() => Client(services).GetAsync($"http://127.0.0.1:{listener.Port}/"));

        OutboundRequestRefusedException.FindIn(failure)!.Refusal.Reason.ShouldBe(OutboundRefusalReason.Loopback);
        await Task.Delay(200);
        listener.Connections.ShouldBe(0);
    }

    [Test]
    public async Task A_name_that_resolves_public_when_checked_and_private_when_connecting_is_refused()
    {
        using var listener = new ConnectionRecorder();
        var resolver = new ScriptedResolver().Answer("rebind.example", ["93.184.215.14"], ["127.0.0.1"]);
        using var services = Services(new Dictionary<string, string?> { ["OutboundRequests:AllowedPorts:0"] = listener.Port.ToString() }, resolver);
        var url = $"https://rebind.example:{listener.Port}/hooks";
        (await services.GetRequiredService<OutboundUrlPolicy>().CheckAsync(url, false, CancellationToken.None)).ShouldBeNull();

        var failure = await Should.ThrowAsync<HttpRequestException>(() => Client(services).PostAsync(url, new StringContent("{}")));

        OutboundRequestRefusedException.FindIn(failure)!.Refusal.Message.ShouldBe("rebind.example resolves to 127.0.0.1, a loopback address.");
        resolver.LookupsOf("rebind.example").ShouldBe(2);
        await Task.Delay(200);
        listener.Connections.ShouldBe(0);
    }

    [Test]
    public async Task An_allowed_host_reaches_a_local_server()
    {
        await using var server = await FakePlatform.StartAsync();
        server.On("POST", "/hooks", new FakeResponse(204));
        using var services = Services(new Dictionary<string, string?> { ["OutboundRequests:AllowedHosts:0"] = new Uri(server.Url).Authority });

        var response = await Client(services).PostAsync(server.Url + "/hooks", new StringContent("{}"));

        response.StatusCode.ShouldBe(HttpStatusCode.NoContent);
        server.To("POST", "/hooks").Count.ShouldBe(1);
    }

    [Test]
    public async Task An_allowed_name_connects_to_the_address_its_lookup_gave()
    {
        await using var server = await FakePlatform.StartAsync();
        server.On("POST", "/hooks", new FakeResponse(204));
        var port = new Uri(server.Url).Port;
        var resolver = new ScriptedResolver().Answer("receiver.internal", ["::ffff:127.0.0.1"]);
        using var services = Services(new Dictionary<string, string?> { ["OutboundRequests:AllowedHosts:0"] = $"receiver.internal:{port}" }, resolver);

        var response = await Client(services).PostAsync($"http://receiver.internal:{port}/hooks", new StringContent("{}"));

        response.StatusCode.ShouldBe(HttpStatusCode.NoContent);
        server.Single("POST", "/hooks").Header("Host").ShouldBe($"receiver.internal:{port}");
    }

    [Test]
    public async Task A_redirect_is_the_answer_and_is_not_followed()
    {
        await using var server = await FakePlatform.StartAsync();
        server.On("POST", "/hooks", new FakeResponse(307, Headers: new Dictionary<string, string> { ["Location"] = server.Url + "/elsewhere" }));
        server.On("POST", "/elsewhere", new FakeResponse(204));
        using var services = Services(new Dictionary<string, string?> { ["OutboundRequests:AllowedHosts:0"] = new Uri(server.Url).Authority });

        var response = await Client(services).PostAsync(server.Url + "/hooks", new StringContent("{}"));

        response.StatusCode.ShouldBe(HttpStatusCode.TemporaryRedirect);
        server.To("POST", "/elsewhere").ShouldBeEmpty();
    }

    [Test]
    public async Task An_answer_larger_than_the_cap_fails_whether_buffered_or_streamed()
    {
        await using var server = await FakePlatform.StartAsync();
        server.On("GET", "/big", FakeResponse.Json(new string('x', 4096)));
        using var services = Services(new Dictionary<string, string?>
        {
            ["OutboundRequests:AllowedHosts:0"] = new Uri(server.Url).Authority,
            ["OutboundRequests:MaxResponseBytes"] = "1024",
        });

        await Should.ThrowAsync<HttpRequestException>(() => Client(services).GetAsync(server.Url + "/big"));
        using var streamed = await Client(services).GetAsync(server.Url + "/big", HttpCompletionOption.ResponseHeadersRead);
        await using var body = await streamed.Content.ReadAsStreamAsync();
        await Should.ThrowAsync<HttpRequestException>(() => body.CopyToAsync(Stream.Null));
    }

    [Test]
    public async Task An_answer_that_declares_a_length_over_the_cap_fails_before_its_body_is_read()
    {
        var answer = new DeclaredLengthAnswer(4096);
        using var client = new HttpClient(new ResponseSizeLimitHandler(1024) { InnerHandler = answer });

        await Should.ThrowAsync<HttpRequestException>(() => client.GetAsync("http://ignored.example/", HttpCompletionOption.ResponseHeadersRead));
        answer.BodyRead.ShouldBeFalse();
    }

    [Test]
    public async Task A_request_is_cut_at_the_timeout()
    {
        await using var server = await FakePlatform.StartAsync();
        server.On("POST", "/slow", new FakeResponse(204, Delay: TimeSpan.FromSeconds(20)));
        using var services = Services(new Dictionary<string, string?>
        {
            ["OutboundRequests:AllowedHosts:0"] = new Uri(server.Url).Authority,
            ["OutboundRequests:Timeout"] = "00:00:00.500",
        });
        var clock = Stopwatch.StartNew();

        await Should.ThrowAsync<TaskCanceledException>(() => Client(services).PostAsync(server.Url + "/slow", new StringContent("{}")));

        clock.Elapsed.ShouldBeLessThan(TimeSpan.FromSeconds(5));
    }

    /// <summary>An answer that announces its length and notes whether anyone read its body.</summary>
    private sealed class DeclaredLengthAnswer(int length) : HttpMessageHandler
    {
        public bool BodyRead { get; private set; }

        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            var content = new StreamContent(new MemoryStream(new byte[length]));
            content.Headers.ContentLength = length;
            return Task.FromResult(new HttpResponseMessage(HttpStatusCode.OK) { Content = new ObservedContent(content, () => BodyRead = true) });
        }
    }

    private sealed class ObservedContent(HttpContent inner, Action onRead) : HttpContent
    {
        protected override async Task SerializeToStreamAsync(Stream stream, System.Net.TransportContext? context)
        {
            onRead();
            await inner.CopyToAsync(stream);
        }

        protected override bool TryComputeLength(out long length)
        {
            length = inner.Headers.ContentLength ?? 0;
            return inner.Headers.ContentLength is not null;
        }
    }
}
