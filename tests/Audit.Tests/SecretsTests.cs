using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Npgsql;
using OtpNet;
using Platform.TestKit;
using Shouldly;

namespace Platform.Audit.Tests;

/// <summary>Every secret the audited actions handle is looked for in every stored row, and found in none.</summary>
public sealed class SecretsTests
{
    private FakePlatform x = null!;
    private PlatformApp app = null!;

    [OneTimeSetUp]
    public async Task Start()
    {
        x = await FakePlatform.StartAsync();
        app = AuditHost.Start(FakeX.Settings(x));
    }

    [OneTimeTearDown]
    public async Task Stop()
    {
        await app.DisposeAsync();
        await x.DisposeAsync();
    }

    [Test]
    public async Task No_secret_handled_by_an_audited_action_is_stored_in_any_entry()
    {
        var owner = await app.RegisterAsync();
        var secrets = new List<string> { owner.Password, owner.AccessToken, owner.RefreshToken };

        await owner.ConnectXAsync(x);
        secrets.AddRange(["x-access-token", "x-refresh-token", "x-client-secret", "x-code"]);

        var key = await (await owner.Client.PostAsJsonAsync("/api/v1/api-keys", new { name = "Secret keeper", scopes = new[] { "posts:read" } })).CreatedAsync();
        secrets.Add(key.GetProperty("key").GetString()!);

        var enrolment = await (await owner.Client.PostAsync("/api/v1/me/mfa/enroll", null)).Content.ReadFromJsonAsync<JsonElement>();
        var mfaSecret = enrolment.GetProperty("secret").GetString()!;
        secrets.Add(mfaSecret);
        var confirmed = await owner.Client.PostAsJsonAsync("/api/v1/me/mfa/confirm", new { code = new Totp(Base32Encoding.ToBytes(mfaSecret)).ComputeTotp(DateTime.UtcNow) });
        confirmed.StatusCode.ShouldBe(HttpStatusCode.OK, await confirmed.Content.ReadAsStringAsync());
        var recoveryCodes = (await confirmed.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("recoveryCodes").EnumerateArray().Select(c => c.GetString()!).ToList();
        secrets.AddRange(recoveryCodes);

        var invitation = await (await owner.Client.PostAsJsonAsync("/api/v1/users/invitations",
            new { email = $"invited-{Guid.NewGuid():N}@example.com", role = "Editor" })).CreatedAsync();
        secrets.Add(invitation.GetProperty("invitationToken").GetString()!);

        var webhook = await (await owner.Client.PostAsJsonAsync("/api/v1/webhooks",
            new { url = "https://93.184.215.14/hooks?token=receiver-token-123", eventTypes = new[] { "post.published" } })).CreatedAsync();
        secrets.Add(webhook.GetProperty("secret").GetString()!);
        secrets.Add("receiver-token-123");
        var webhookId = webhook.GetProperty("subscription").GetProperty("id").GetGuid();
        var rotated = await (await owner.Client.PostAsync($"/api/v1/webhooks/{webhookId}/rotate-secret", null)).Content.ReadFromJsonAsync<JsonElement>();
        secrets.Add(rotated.GetProperty("secret").GetString()!);

        const string wrongPassword = "a-wrong-but-secret-password";
        secrets.Add(wrongPassword);
        (await app.LoginFromAsync("198.51.100.4", "secret-scan-failure", owner.Email, wrongPassword)).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        (await app.LoginFromAsync("198.51.100.4", "secret-scan-unknown", "nobody-secret@example.com", wrongPassword)).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);

        const string newPassword = "a-brand-new-secret-password";
        secrets.Add(newPassword);
        (await owner.Client.PostAsJsonAsync("/api/v1/me/password", new { currentPassword = owner.Password, newPassword })).EnsureSuccessStatusCode();

        var rows = await AllRowsAsync();
        rows.Count.ShouldBeGreaterThanOrEqualTo(10, "the scan needs the actions' entries to look in");
        foreach (var secret in secrets)
        {
            rows.ShouldNotContain(row => row.Contains(secret, StringComparison.Ordinal), $"a secret ({secret[..Math.Min(6, secret.Length)]}…) is stored in the audit log");
        }
    }

    private async Task<List<string>> AllRowsAsync()
    {
        await using var connection = app.Database.OpenSuperuser();
        await using var command = new NpgsqlCommand("SELECT e::text FROM audit.entries e", connection);
        await using var reader = await command.ExecuteReaderAsync();
        var rows = new List<string>();
        while (await reader.ReadAsync())
        {
            rows.Add(reader.GetString(0));
        }
        return rows;
    }
}
