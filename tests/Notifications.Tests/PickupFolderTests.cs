using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using MimeKit;
using Platform.TestKit;
using Shouldly;

namespace Platform.Notifications.Tests;

/// <summary>With no SMTP host set, mail is written to the pickup folder as .eml files and the log says so, without the link.</summary>
public sealed class PickupFolderTests
{
    private readonly string folder = Path.Combine(Path.GetTempPath(), "platform-mail-" + Guid.NewGuid().ToString("N"));
    private readonly LogCapture log = new();
    private PlatformApp app = null!;

    [OneTimeSetUp]
    public void Start()
    {
        app = new PlatformApp(new Dictionary<string, string?> { ["Email:PickupFolder"] = folder, ["Email:AppBaseUrl"] = "http://app.example.test" })
        {
            TestServices = services => services.AddSingleton<ILoggerProvider>(log),
        };
        _ = app.Services;
    }

    [OneTimeTearDown]
    public async Task Stop()
    {
        await app.DisposeAsync();
        if (Directory.Exists(folder))
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    [Test]
    public async Task An_invitation_is_written_as_an_eml_file_and_logged_without_its_token()
    {
        var owner = await app.RegisterAsync();
        var email = $"invitee-{Guid.NewGuid():N}@example.com";
        var created = await owner.Client.PostAsJsonAsync("/api/v1/users/invitations", new { email, role = "viewer" });
        created.StatusCode.ShouldBe(HttpStatusCode.Created);
        var token = (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("invitationToken").GetString()!;

        // The owner's registration mailed a verification link to the same folder: the invitation is the file to the invitee.
        var message = (await Eventually.WaitForAsync(() => MailToAsync(email), mail => mail.Count == 1)).Single();
        message.To.Mailboxes.ShouldHaveSingleItem().Address.ShouldBe(email);
        message.TextBody!.ShouldContain($"http://app.example.test/accept-invitation?token={Uri.EscapeDataString(token)}");

        var lines = log.Lines.ToList();
        lines.ShouldContain(line => line.Contains(email, StringComparison.Ordinal) && line.Contains(message.Subject!, StringComparison.Ordinal));
        lines.ShouldNotContain(line => line.Contains(token.Split('.')[3], StringComparison.Ordinal));
    }

    private async Task<List<MimeMessage>> MailToAsync(string address)
    {
        var messages = new List<MimeMessage>();
        foreach (var file in Directory.Exists(folder) ? Directory.GetFiles(folder, "*.eml") : [])
        {
            var message = await MimeMessage.LoadAsync(file);
            if (message.To.Mailboxes.Any(to => to.Address == address))
            {
                messages.Add(message);
            }
        }
        return messages;
    }
}
