using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Platform.SocialAccounts.Contracts;

namespace Platform.PlatformConformance.Tests;

/// <summary>
/// One platform's documented server and the real host pointed at it. Each test connects a fresh account in a tenant of
/// its own (authorize URL, consent at the server, code exchange, identity), then drives our client through
/// <see cref="ISocialAccounts"/> as the publishing worker does, and asserts what the server holds.
/// </summary>
public abstract class ConformanceFixture<TServer> where TServer : PlatformServer, new()
{
    private ConformanceApp app = null!;

    private protected TServer Server { get; private set; } = null!;

    private protected abstract SocialPlatform Platform { get; }

    /// <summary>Host settings this fixture adds (beyond the server's endpoints).</summary>
    private protected virtual IDictionary<string, string?> ExtraSettings => new Dictionary<string, string?>();

    private protected Guid Tenant { get; private set; }

    private protected Guid AccountId { get; private set; }

    [OneTimeSetUp]
    public async Task StartAsync()
    {
        Server = new TServer();
        await Server.StartAsync();
        app = new ConformanceApp(Platform, Server, ExtraSettings);
    }

    [OneTimeTearDown]
    public async Task StopAsync()
    {
        await app.DisposeAsync();
        await Server.DisposeAsync();
    }

    [SetUp]
    public async Task ConnectAsync()
    {
        Server.Faults.Clear();
        Server.Grants.AccessTokenLifetime = TimeSpan.FromHours(1);
        (Tenant, AccountId) = await ConnectNewAccountAsync();
    }

    /// <summary>The connect flow over our API: authorize URL, the user's consent at the platform, code exchange, identity.</summary>
    private protected async Task<(Guid Tenant, Guid Account)> ConnectNewAccountAsync()
    {
        var tenant = Guid.NewGuid();
        using var editor = app.ClientFor(tenant, Guid.NewGuid());
        var authUrl = await editor.GetAsync($"/api/v1/social-accounts/auth-url/{Platform.Slug()}?redirectUri={Uri.EscapeDataString(PlatformServerApp.RedirectUri)}");
        authUrl.StatusCode.ShouldBe(HttpStatusCode.OK, await authUrl.Content.ReadAsStringAsync());
        var issued = JsonDocument.Parse(await authUrl.Content.ReadAsStringAsync()).RootElement;
        var state = issued.GetProperty("state").GetString()!;

        var callback = await PlatformServerApp.ConsentAsync(issued.GetProperty("authorizationUrl").GetString()!);
        callback.TryGetValue("error", out var error).ShouldBeFalse($"The platform refused the authorization request: {error}");
        callback["state"].ToString().ShouldBe(state);

        var connect = await editor.PostAsJsonAsync("/api/v1/social-accounts/connect",
            new { platform = Platform.Slug(), code = callback["code"].ToString(), state, redirectUri = PlatformServerApp.RedirectUri });
        var body = await connect.Content.ReadAsStringAsync();
        connect.StatusCode.ShouldBe(HttpStatusCode.OK, body);
        var accounts = JsonDocument.Parse(body).RootElement.GetProperty("accounts");
        accounts.GetArrayLength().ShouldBe(1, body);
        return (tenant, accounts[0].GetProperty("id").GetGuid());
    }

    private protected Task<PublishedPost> PublishAsync(PostContent content, Guid? account = null, Guid? tenant = null) =>
        app.AsJobAsync(tenant ?? Tenant, accounts => accounts.PublishAsync(account ?? AccountId, content, CancellationToken.None));

    /// <summary>Publishes with <paramref name="journal"/>, as the engine does: the steps it records carry over to the next attempt.</summary>
    private protected Task<PublishedPost> PublishAsync(PostContent content, PublishJournal journal) =>
        app.AsJobAsync(Tenant, accounts => accounts.PublishAsync(AccountId, content, journal, CancellationToken.None));

    private protected Task<IReadOnlyList<RecentPost>> RecentAsync(int limit = 25) =>
        app.AsJobAsync(Tenant, accounts => accounts.ListRecentPostsAsync(AccountId, limit, CancellationToken.None));

    /// <summary>A user of the fixture's tenant (an editor) calling our API.</summary>
    private protected HttpClient EditorClient() => app.ClientFor(Tenant, Guid.NewGuid());

    /// <summary>Runs <paramref name="work"/> in the fixture's tenant as a job does.</summary>
    private protected Task<T> AsJobAsync<T>(Func<ISocialAccounts, Task<T>> work) => app.AsJobAsync(Tenant, work);

    /// <summary>The account as our API shows it (status, reason, identity).</summary>
    private protected async Task<JsonElement> AccountAsync()
    {
        using var editor = app.ClientFor(Tenant, Guid.NewGuid());
        var answer = await editor.GetAsync($"/api/v1/social-accounts/{AccountId}");
        answer.StatusCode.ShouldBe(HttpStatusCode.OK);
        return JsonDocument.Parse(await answer.Content.ReadAsStringAsync()).RootElement;
    }

    /// <summary>GETs <paramref name="path"/> of our API as a user of the fixture's tenant.</summary>
    private protected async Task<(HttpStatusCode Status, JsonElement Body)> GetApiAsync(string path)
    {
        using var viewer = app.ClientFor(Tenant, Guid.NewGuid());
        using var answer = await viewer.GetAsync(path);
        var text = await answer.Content.ReadAsStringAsync();
        return (answer.StatusCode, text.Length > 0 ? JsonDocument.Parse(text).RootElement : default);
    }

    /// <summary>A publish whose outcome the caller never learns: whatever the client threw.</summary>
    private protected async Task<Exception> PublishLosingTheAnswerAsync(PostContent content, PublishJournal? journal = null)
    {
        var failure = await Should.ThrowAsync<Exception>(() => PublishAsync(content, journal ?? new PublishJournal()));
        failure.ShouldNotBeOfType<ShouldAssertException>();
        return failure;
    }

    /// <summary>
    /// What the publishing engine does on the next attempt after an unknown outcome (Posts' TargetPublisher): ask the
    /// platform's client whether the post is there (with the steps the lost attempt recorded in
    /// <paramref name="journal"/>); publish again, continuing from those steps, only when it is absent. Answers the lookup's
    /// verdict: Found (looked up or published now) or Unknowable (nothing sent).
    /// </summary>
    private protected async Task<ReconcileResult> RetryAsTheEngineDoesAsync(PostContent content, DateTimeOffset lostSince, PublishJournal? journal = null)
    {
        journal ??= new PublishJournal();
        var lookup = await app.AsJobAsync(Tenant, accounts => accounts.ReconcileAsync(AccountId, content, journal, lostSince, CancellationToken.None));
        return lookup.Kind == ReconcileKind.Absent ? ReconcileResult.Found(await PublishAsync(content, journal)) : lookup;
    }

    private protected async Task<PlatformException> PublishRefusedAsync(PostContent content) =>
        await Should.ThrowAsync<PlatformException>(() => PublishAsync(content));

    private protected static string Unique(string text) => $"{text} {Guid.NewGuid():N}";
}
