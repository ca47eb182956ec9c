using System.Net.Http.Json;
using System.Text.Json;

namespace Platform.Notifications.Tests;

/// <summary>
/// The local SMTP server the tests send to (smtp4dev, started by <c>scripts/services.sh up</c>): mail arrives on its SMTP
/// port, and its REST API (<c>/api/messages</c>, <c>/api/messages/{id}/plaintext</c>) shows what it received.
/// </summary>
internal static class Smtp4dev
{
    public static int SmtpPort { get; } = int.Parse(Environment.GetEnvironmentVariable("PLATFORM_SMTP_PORT") ?? "56325");

    private static readonly HttpClient Api = new()
    {
        BaseAddress = new Uri($"http://127.0.0.1:{Environment.GetEnvironmentVariable("PLATFORM_SMTP_WEB_PORT") ?? "56326"}/"),
    };

    /// <summary>The mail received for <paramref name="recipient"/>, oldest first.</summary>
    public static async Task<IReadOnlyList<ReceivedMail>> MailToAsync(string recipient)
    {
        var page = await Api.GetFromJsonAsync<JsonElement>("api/messages?pageSize=5000");
        var found = new List<ReceivedMail>();
        foreach (var message in page.GetProperty("results").EnumerateArray())
        {
            if (!message.GetProperty("to").EnumerateArray().Any(to => string.Equals(to.GetString(), recipient, StringComparison.OrdinalIgnoreCase)))
            {
                continue;
            }
            var id = message.GetProperty("id").GetString()!;
            found.Add(new ReceivedMail(
                message.GetProperty("subject").GetString()!, message.GetProperty("from").GetString()!,
                message.GetProperty("receivedDate").GetDateTimeOffset(),
                await Api.GetStringAsync($"api/messages/{id}/plaintext"), await Api.GetStringAsync($"api/messages/{id}/html")));
        }
        return found.OrderBy(m => m.ReceivedAt).ToList();
    }

    /// <summary>Waits (up to 30 s) until <paramref name="count"/> mails for <paramref name="recipient"/> arrived.</summary>
    public static Task<IReadOnlyList<ReceivedMail>> WaitForMailAsync(string recipient, int count = 1) =>
        Eventually.WaitForAsync(() => MailToAsync(recipient), mail => mail.Count >= count);
}
