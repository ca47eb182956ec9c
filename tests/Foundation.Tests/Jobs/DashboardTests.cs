using System.Net;
using Hangfire;
using Hangfire.States;
using Microsoft.Extensions.DependencyInjection;
using Platform.TestKit;
using Shouldly;

namespace Platform.Foundation.Tests.Jobs;

public sealed class DashboardTests
{
    private PlatformApp app = null!;
    private TestAccount operatorAccount = null!;

    [OneTimeSetUp]
    public async Task Start()
    {
        app = new PlatformApp(new Dictionary<string, string?> { ["PlatformAdmins:Emails:0"] = "operator@example.com" });
        operatorAccount = await app.RegisterAsync(email: "operator@example.com");
    }

    [OneTimeTearDown]
    public Task Stop() => app.DisposeAsync().AsTask();

    [Test]
    public async Task Anonymous_visitors_get_401()
    {
        using var browser = Browser();

        (await browser.GetAsync("/hangfire")).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
    }

    [Test]
    public async Task A_tenant_owner_is_not_a_platform_administrator()
    {
        var owner = await app.RegisterAsync();
        using var browser = Browser();

        var signIn = await SignInAsync(browser, owner.Email, owner.Password);
        var withBearer = await owner.Client.GetAsync("/hangfire");

        signIn.StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        (await browser.GetAsync("/hangfire")).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        withBearer.StatusCode.ShouldBe(HttpStatusCode.Forbidden);
    }

    [Test]
    public async Task A_platform_administrator_signs_in_with_a_cookie_and_sees_no_connection_string()
    {
        using var browser = Browser();

        var signIn = await SignInAsync(browser, operatorAccount.Email, operatorAccount.Password);
        var dashboard = await browser.GetAsync("/hangfire");
        var html = await dashboard.Content.ReadAsStringAsync();

        signIn.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        signIn.Headers.GetValues("Set-Cookie").Single().ShouldContain("httponly", Case.Insensitive);
        dashboard.StatusCode.ShouldBe(HttpStatusCode.OK);
        html.ShouldContain("Platform jobs");
        html.ShouldNotContain("Host=", Case.Insensitive);
        html.ShouldNotContain("Password=", Case.Insensitive);
    }

    [Test]
    public async Task A_dashboard_button_without_the_antiforgery_token_is_refused_and_changes_nothing()
    {
        var jobId = await ScheduleJobForTomorrowAsync();
        using var browser = await DashboardBrowser.SignedInAsync(app, operatorAccount);
        await DashboardBrowser.AntiforgeryAsync(browser);

        var forged = await browser.PostAsync("/hangfire/jobs/scheduled/delete", DeleteForm(jobId));

        forged.StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        StateOf(jobId).ShouldBe(ScheduledState.StateName);
    }

    [Test]
    public async Task A_dashboard_button_with_the_pages_antiforgery_token_works()
    {
        var jobId = await ScheduleJobForTomorrowAsync();
        using var browser = await DashboardBrowser.SignedInAsync(app, operatorAccount);
        var (header, token) = await DashboardBrowser.AntiforgeryAsync(browser, "/hangfire/jobs/scheduled");

        using var delete = new HttpRequestMessage(HttpMethod.Post, "/hangfire/jobs/scheduled/delete") { Content = DeleteForm(jobId) };
        delete.Headers.Add(header, token);
        var response = await browser.SendAsync(delete);

        response.StatusCode.ShouldBe(HttpStatusCode.NoContent);
        StateOf(jobId).ShouldBe(DeletedState.StateName);
    }

    [Test]
    public async Task Signing_out_without_the_antiforgery_token_is_refused_and_the_session_stays()
    {
        using var browser = await DashboardBrowser.SignedInAsync(app, operatorAccount);
        await DashboardBrowser.AntiforgeryAsync(browser);

        var inDashboard = await browser.PostAsync("/hangfire/logout", new FormUrlEncodedContent([]));

        inDashboard.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await browser.GetAsync("/hangfire")).StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    [Test]
    public async Task Signing_out_with_the_dashboards_token_ends_the_session()
    {
        using var browser = await DashboardBrowser.SignedInAsync(app, operatorAccount);
        var (_, token) = await DashboardBrowser.AntiforgeryAsync(browser);

        var signOut = await browser.PostAsync("/hangfire/logout",
            new FormUrlEncodedContent(new Dictionary<string, string> { ["__RequestVerificationToken"] = token }));

        signOut.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        signOut.Headers.Location!.OriginalString.ShouldBe("/hangfire-login");
        (await browser.GetAsync("/hangfire")).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
    }

    private async Task<string> ScheduleJobForTomorrowAsync()
    {
        var tenant = await app.RegisterAsync();
        return app.Services.GetRequiredService<IBackgroundJobClient>()
            .Schedule<TenantProbeJob>(job => job.RunAsync(tenant.TenantId, Guid.NewGuid()), TimeSpan.FromDays(1));
    }

    private string StateOf(string jobId) => app.Services.GetRequiredService<JobStorage>().GetConnection().GetStateData(jobId).Name;

    private static FormUrlEncodedContent DeleteForm(string jobId) => new([new KeyValuePair<string, string>("jobs[]", jobId)]);

    private HttpClient Browser() => DashboardBrowser.Open(app);

    private static Task<HttpResponseMessage> SignInAsync(HttpClient browser, string email, string password) =>
        DashboardBrowser.SignInAsync(browser, email, password);
}
