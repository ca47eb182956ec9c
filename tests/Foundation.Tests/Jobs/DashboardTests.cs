using System.Net;
using Microsoft.AspNetCore.Mvc.Testing;
using Platform.TestKit;
using Shouldly;

namespace Platform.Foundation.Tests.Jobs;

public sealed class DashboardTests
{
    private PlatformApp app = null!;

    [OneTimeSetUp]
    public void Start() => app = new PlatformApp(new Dictionary<string, string?> { ["PlatformAdmins:Emails:0"] = "operator@example.com" });

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
        var operatorAccount = await app.RegisterAsync(email: "operator@example.com");
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

    private HttpClient Browser() => app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });

    private static Task<HttpResponseMessage> SignInAsync(HttpClient browser, string email, string password) =>
        browser.PostAsync("/hangfire-login", new FormUrlEncodedContent(new Dictionary<string, string> { ["email"] = email, ["password"] = password }));
}
