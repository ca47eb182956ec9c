using System.Net;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Mvc.Testing;
using Platform.TestKit;
using Shouldly;

namespace Platform.Foundation.Tests.Jobs;

/// <summary>A browser on the jobs dashboard: keeps its cookies, follows no redirect, and reads the antiforgery token a page carries.</summary>
internal static partial class DashboardBrowser
{
    public static HttpClient Open(PlatformApp app) =>
        app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });

    public static Task<HttpResponseMessage> SignInAsync(HttpClient browser, string email, string password) =>
        browser.PostAsync("/hangfire-login", new FormUrlEncodedContent(new Dictionary<string, string> { ["email"] = email, ["password"] = password }));

    public static async Task<HttpClient> SignedInAsync(PlatformApp app, TestAccount admin)
    {
        var browser = Open(app);
        (await SignInAsync(browser, admin.Email, admin.Password)).StatusCode.ShouldBe(HttpStatusCode.Redirect);
        return browser;
    }

    /// <summary>Opens <paramref name="path"/> and answers the header name and token its layout gives the dashboard's scripts.</summary>
    public static async Task<(string Header, string Token)> AntiforgeryAsync(HttpClient browser, string path = "/hangfire")
    {
        var html = await browser.GetStringAsync(path);
        return (Meta(html, "csrf-header"), Meta(html, "csrf-token"));
    }

    private static string Meta(string html, string name)
    {
        var match = MetaTag().Matches(html).SingleOrDefault(m => m.Groups["name"].Value == name);
        match.ShouldNotBeNull($"the page carries no {name} meta tag");
        return WebUtility.HtmlDecode(match.Groups["content"].Value);
    }

    [GeneratedRegex("""<meta name="(?<name>csrf-[a-z]+)" content="(?<content>[^"]+)">""")]
    private static partial Regex MetaTag();
}
