using System.Net;
using System.Security.Claims;
using Platform.Audit.Contracts;
using Platform.Audit.Data;
using Platform.Audit.Features.ListAuditEntries;
using Platform.Audit.Recording;
using Platform.SharedKernel.Security;
using Shouldly;

namespace Platform.Audit.Tests;

/// <summary>The rules of entries, summaries, actors and cursors, without a database.</summary>
public sealed class AuditRulesTests
{
    private static readonly DateTimeOffset Now = new DateTimeOffset(2026, 12, 7, 10, 30, 15, TimeSpan.Zero).AddTicks(1234567);

    [Test]
    public void Every_action_has_its_own_dotted_name_and_reads_back_from_it()
    {
        var names = Enum.GetValues<AuditAction>().Select(action => action.Name()).ToList();
        names.ShouldBeUnique();
        names.ShouldAllBe(name => System.Text.RegularExpressions.Regex.IsMatch(name, @"^[a-z_]+(\.[a-z_]+)+$"));
        foreach (var action in Enum.GetValues<AuditAction>())
        {
            AuditActionNames.Parse(action.Name()).ShouldBe(action);
        }
        AuditActionNames.TryParse("user.exploded", out _).ShouldBeFalse();
    }

    [Test]
    public void An_entry_keeps_microseconds_as_the_database_does()
    {
        var entry = AuditEntry.Create(Guid.NewGuid(), AuditActor.System, new AuditRecord(AuditAction.UserCreated, Guid.NewGuid()), null, null, Now);

        entry.OccurredAt.ShouldBe(Now.AddTicks(-(Now.UtcTicks % TimeSpan.TicksPerMicrosecond)));
        (entry.OccurredAt.UtcTicks % TimeSpan.TicksPerMicrosecond).ShouldBe(0L);
    }

    [Test]
    public void Only_a_failed_sign_in_may_have_no_tenant()
    {
        Should.Throw<InvalidOperationException>(() =>
            AuditEntry.Create(null, AuditActor.System, new AuditRecord(AuditAction.UserCreated, Guid.NewGuid()), null, null, Now));
        AuditEntry.Create(null, AuditActor.System, new AuditRecord(AuditAction.SignInFailed, null), null, null, Now).TenantId.ShouldBeNull();
    }

    [Test]
    public void A_platform_administrators_read_is_kept_without_a_tenant_and_only_for_a_named_user()
    {
        var adminId = Guid.NewGuid();
        var admin = new AuditActor(ActorKind.User, adminId, null);
        var record = new AuditRecord(AuditAction.PublishingOverviewViewed, null);

        var entry = AuditEntry.Create(Guid.NewGuid(), admin, record, null, null, Now);

        AuditAction.PublishingOverviewViewed.IsPlatformWide().ShouldBeTrue();
        AuditAction.SignInFailed.IsPlatformWide().ShouldBeFalse();
        entry.TenantId.ShouldBeNull();
        entry.ActorUserId.ShouldBe(adminId);
        entry.ResourceType.ShouldBe("publishing");
        Should.Throw<InvalidOperationException>(() => AuditEntry.Create(null, AuditActor.System, record, null, null, Now));
        Should.Throw<InvalidOperationException>(() => AuditEntry.Create(null, new AuditActor(ActorKind.Anonymous, null, null), record, null, null, Now));
    }

    [Test]
    public void A_mapped_ipv4_address_is_stored_as_ipv4_and_an_overlong_correlation_id_is_dropped()
    {
        var entry = AuditEntry.Create(
            Guid.NewGuid(), AuditActor.System, new AuditRecord(AuditAction.UserCreated, null), IPAddress.Parse("::ffff:203.0.113.5"), new string('c', 65), Now);

        entry.ClientAddress.ShouldBe(IPAddress.Parse("203.0.113.5"));
        entry.CorrelationId.ShouldBeNull();
    }

    [Test]
    public void Text_under_a_secret_sounding_name_is_redacted_at_any_depth_while_flags_stay()
    {
        var json = AuditSummary.Serialize(new
        {
            Name = "Zapier",
            Secret = "whsec_live",
            SecretRotated = true,
            Nested = new { AccessToken = "ya29.token", Scopes = new[] { "read" } },
            Items = new[] { new { PasswordHash = "argon2id$..." } },
            RecoveryCodes = new[] { "aaaa-bbbb" },
        })!;

        json.ShouldNotContain("whsec_live");
        json.ShouldNotContain("ya29.token");
        json.ShouldNotContain("argon2id");
        json.ShouldNotContain("aaaa-bbbb");
        json.ShouldContain("\"name\":\"Zapier\"");
        json.ShouldContain("\"secretRotated\":true");
        json.ShouldContain("\"scopes\":[\"read\"]");
        json.ShouldContain($"\"secret\":\"{AuditSummary.Redacted}\"");
        AuditSummary.Serialize(null).ShouldBeNull();
    }

    [Test]
    public void The_actor_is_the_api_key_when_one_was_used_the_user_otherwise_and_the_system_outside_requests()
    {
        var user = Guid.NewGuid();
        var key = Guid.NewGuid();
        var keyPrincipal = Principal((PlatformClaims.UserId, user.ToString()), (PlatformClaims.ApiKeyId, key.ToString()));
        AuditActor.Of(keyPrincipal, null).ShouldBe(new AuditActor(ActorKind.ApiKey, user, key));
        AuditActor.Of(Principal((PlatformClaims.UserId, user.ToString())), null).ShouldBe(new AuditActor(ActorKind.User, user, null));

        var proven = Guid.NewGuid();
        AuditActor.Of(new ClaimsPrincipal(new ClaimsIdentity()), proven).ShouldBe(new AuditActor(ActorKind.User, proven, null));
        AuditActor.Of(new ClaimsPrincipal(new ClaimsIdentity()), null).Kind.ShouldBe(ActorKind.Anonymous);
        AuditActor.Of(null, null).ShouldBe(AuditActor.System);
    }

    [Test]
    public void A_cursor_reads_back_as_written_and_anything_else_is_refused()
    {
        var cursor = new AuditCursor(AuditEntry.ToMicroseconds(Now), Guid.CreateVersion7());
        AuditCursor.TryDecode(cursor.Encode(), out var decoded).ShouldBeTrue();
        decoded.ShouldBe(cursor);

        foreach (var bad in new[] { "", "!!!!", "AQ", cursor.Encode()[..^2], "Ag" + cursor.Encode()[2..] })
        {
            AuditCursor.TryDecode(bad, out _).ShouldBeFalse(bad);
        }
    }

    [TestCase(29, false)]
    [TestCase(30, true)]
    [TestCase(365, true)]
    public void Retention_is_at_least_thirty_days(int days, bool valid) =>
        new AuditOptions.Validation().Validate(null, new AuditOptions { RetainDays = days }).Succeeded.ShouldBe(valid);

    private static ClaimsPrincipal Principal(params (string Type, string Value)[] claims) =>
        new(new ClaimsIdentity(claims.Select(c => new Claim(c.Type, c.Value)), "test"));
}
