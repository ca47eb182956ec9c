using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Platform.SharedKernel.Outbound;
using Platform.TestKit;
using Shouldly;

namespace Platform.Foundation.Tests.Outbound;

/// <summary>Which URLs a tenant may point the platform at, and why the others are refused.</summary>
public sealed class OutboundUrlPolicyTests
{
    private static readonly ScriptedResolver Names = new ScriptedResolver()
        .Answer("public.example", ["93.184.215.14"])
        .Answer("internal.example", ["10.1.2.3"])
        .Answer("metadata.example", ["169.254.169.254"])
        .Answer("mixed.example", ["93.184.215.14", "192.168.0.7"])
        .Answer("nowhere.example", []);

    private static OutboundUrlPolicy Policy(Action<OutboundRequestOptions>? configure = null)
    {
        var options = new OutboundRequestOptions();
        configure?.Invoke(options);
        return new OutboundUrlPolicy(Options.Create(options), Names);
    }

    [TestCase("https://127.0.0.1:55432/", OutboundRefusalReason.PortNotAllowed)]
    [TestCase("https://127.0.0.1/", OutboundRefusalReason.Loopback)]
    [TestCase("https://169.254.169.254/latest/meta-data/", OutboundRefusalReason.LinkLocal)]
    [TestCase("https://[::1]/", OutboundRefusalReason.Loopback)]
    [TestCase("https://localhost/", OutboundRefusalReason.Loopback)]
    [TestCase("https://10.0.0.1/", OutboundRefusalReason.Private)]
    [TestCase("https://0.0.0.0/", OutboundRefusalReason.Unspecified)]
    [TestCase("https://2130706433/", OutboundRefusalReason.Loopback)]
    [TestCase("https://127.1/", OutboundRefusalReason.Loopback)]
    [TestCase("https://0x7f000001/", OutboundRefusalReason.Loopback)]
    [TestCase("https://0x7f.0.0.1/", OutboundRefusalReason.Loopback)]
    [TestCase("https://0177.0.0.1/", OutboundRefusalReason.Loopback)]
    [TestCase("https://user:secret@public.example/", OutboundRefusalReason.Credentials)]
    [TestCase("https://user@public.example/", OutboundRefusalReason.Credentials)]
    [TestCase("https://[::]/", OutboundRefusalReason.Unspecified)]
    [TestCase("https://[::ffff:127.0.0.1]/", OutboundRefusalReason.Loopback)]
    [TestCase("https://[::ffff:7f00:1]/", OutboundRefusalReason.Loopback)]
    [TestCase("https://[::ffff:169.254.169.254]/", OutboundRefusalReason.LinkLocal)]
    [TestCase("https://[::127.0.0.1]/", OutboundRefusalReason.Loopback)]
    [TestCase("https://[::93.184.215.14]/", OutboundRefusalReason.Reserved)]
    [TestCase("https://[64:ff9b::a9fe:a9fe]/", OutboundRefusalReason.LinkLocal)]
    [TestCase("https://[2002:7f00:1::]/", OutboundRefusalReason.Loopback)]
    [TestCase("https://[2002:c0a8:101::1]/", OutboundRefusalReason.Private)]
    [TestCase("https://[2001:0:4136:e378:8000:63bf:3fff:fdd2]/", OutboundRefusalReason.Reserved)]
    [TestCase("https://[fd00::1]/", OutboundRefusalReason.UniqueLocal)]
    [TestCase("https://[fc00::1]/", OutboundRefusalReason.UniqueLocal)]
    [TestCase("https://[fe80::1]/", OutboundRefusalReason.LinkLocal)]
    [TestCase("https://[ff02::1]/", OutboundRefusalReason.Multicast)]
    [TestCase("https://[2001:db8::1]/", OutboundRefusalReason.Documentation)]
    [TestCase("https://[100::1]/", OutboundRefusalReason.Reserved)]
    [TestCase("https://100.64.0.1/", OutboundRefusalReason.SharedAddressSpace)]
    [TestCase("https://172.16.5.4/", OutboundRefusalReason.Private)]
    [TestCase("https://172.31.255.255/", OutboundRefusalReason.Private)]
    [TestCase("https://192.168.1.1/", OutboundRefusalReason.Private)]
    [TestCase("https://224.0.0.1/", OutboundRefusalReason.Multicast)]
    [TestCase("https://255.255.255.255/", OutboundRefusalReason.Broadcast)]
    [TestCase("https://192.0.2.1/", OutboundRefusalReason.Documentation)]
    [TestCase("https://203.0.113.9/", OutboundRefusalReason.Documentation)]
    [TestCase("https://240.0.0.1/", OutboundRefusalReason.Reserved)]
    [TestCase("https://198.18.0.1/", OutboundRefusalReason.Reserved)]
    [TestCase("https://internal.example/hooks", OutboundRefusalReason.Private)]
    [TestCase("https://metadata.example/", OutboundRefusalReason.LinkLocal)]
    [TestCase("https://mixed.example/", OutboundRefusalReason.Private)]
    [TestCase("https://nowhere.example/", OutboundRefusalReason.Unresolvable)]
    [TestCase("http://93.184.215.14/", OutboundRefusalReason.SchemeNotAllowed)]
    [TestCase("ftp://public.example/", OutboundRefusalReason.SchemeNotAllowed)]
    [TestCase("https://93.184.215.14:8443/", OutboundRefusalReason.PortNotAllowed)]
    [TestCase("not a url", OutboundRefusalReason.InvalidUrl)]
    [TestCase("/hooks", OutboundRefusalReason.InvalidUrl)]
    public async Task Refuses_with_its_reason(string url, OutboundRefusalReason reason)
    {
        var refusal = await Policy().CheckAsync(url, allowHttp: false, CancellationToken.None);

        refusal.ShouldNotBeNull();
        refusal.Reason.ShouldBe(reason, refusal.Message);
    }

    [TestCase("https://93.184.215.14/hooks")]
    [TestCase("https://public.example/hooks?tenant=1")]
    [TestCase("https://[2606:4700:4700::1111]/")]
    [TestCase("https://[::ffff:93.184.215.14]/")]
    [TestCase("https://[64:ff9b::5db8:d70e]/")]
    [TestCase("https://[2002:5db8:d70e::1]/")]
    [TestCase("https://public.example:443/")]
    public async Task Accepts_public_addresses(string url) =>
        (await Policy().CheckAsync(url, allowHttp: false, CancellationToken.None)).ShouldBeNull();

    [Test]
    public async Task Http_is_accepted_only_where_the_caller_allows_it() =>
        (await Policy().CheckAsync("http://public.example/hooks", allowHttp: true, CancellationToken.None)).ShouldBeNull();

    [Test]
    public async Task A_configured_port_is_accepted_on_public_hosts_only()
    {
        var policy = Policy(options => options.AllowedPorts = [8443]);

        (await policy.CheckAsync("https://public.example:8443/", false, CancellationToken.None)).ShouldBeNull();
        (await policy.CheckAsync("https://internal.example:8443/", false, CancellationToken.None))!.Reason.ShouldBe(OutboundRefusalReason.Private);
    }

    [Test]
    public async Task An_allowed_host_may_be_loopback_on_its_port_only()
    {
        var policy = Policy(options => options.AllowedHosts = ["127.0.0.1:5099", "localhost"]);

        (await policy.CheckAsync("http://127.0.0.1:5099/hooks", true, CancellationToken.None)).ShouldBeNull();
        (await policy.CheckAsync("https://localhost/hooks", false, CancellationToken.None)).ShouldBeNull();
        (await policy.CheckAsync("http://127.0.0.1:5098/hooks", true, CancellationToken.None))!.Reason.ShouldBe(OutboundRefusalReason.PortNotAllowed);
        (await policy.CheckAsync("https://localhost:8443/hooks", false, CancellationToken.None))!.Reason.ShouldBe(OutboundRefusalReason.PortNotAllowed);
        (await policy.CheckAsync("https://2130706433/hooks", false, CancellationToken.None))!.Reason.ShouldBe(OutboundRefusalReason.Loopback);
        (await policy.CheckAsync("http://user:pw@127.0.0.1:5099/hooks", true, CancellationToken.None))!.Reason.ShouldBe(OutboundRefusalReason.Credentials);
    }

    [Test]
    public async Task The_refusal_names_the_address_a_name_resolves_to()
    {
        var refusal = await Policy().CheckAsync("https://metadata.example/", false, CancellationToken.None);

        refusal!.Message.ShouldBe("metadata.example resolves to 169.254.169.254, a link-local address.");
    }

    [Test]
    public async Task A_lookup_slower_than_the_resolve_timeout_is_refused_as_unresolvable()
    {
        var policy = new OutboundUrlPolicy(Options.Create(new OutboundRequestOptions { ResolveTimeout = TimeSpan.FromMilliseconds(200) }), new SilentResolver());

        var refusal = await policy.CheckAsync("https://slow.example/", false, CancellationToken.None);

        refusal!.Reason.ShouldBe(OutboundRefusalReason.Unresolvable);
        refusal.Message.ShouldBe("slow.example did not resolve within 0.2 s.");
    }

    [TestCase("not a host:port")]
    [TestCase("host:99999")]
    [TestCase("user@host")]
    [TestCase("host/path")]
    public void A_malformed_allowed_host_fails_validation_naming_the_setting(string entry)
    {
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?> { ["OutboundRequests:AllowedHosts:0"] = entry }).Build();
        using var validated = new ServiceCollection().AddSingleton<IConfiguration>(configuration).AddOutboundRequests().BuildServiceProvider();

        var failure = Should.Throw<OptionsValidationException>(() => validated.GetRequiredService<IOptions<OutboundRequestOptions>>().Value);
        failure.Message.ShouldContain("OutboundRequests:AllowedHosts:0");
    }

    /// <summary>A DNS server that never answers.</summary>
    private sealed class SilentResolver : IHostResolver
    {
        public async Task<System.Net.IPAddress[]> ResolveAsync(string host, CancellationToken cancellationToken)
        {
            await Task.Delay(Timeout.Infinite, cancellationToken);
            return [];
        }
    }
}
