using Platform.TestKit;
using Shouldly;

namespace Platform.Notifications.Tests;

/// <summary>Row-level security on the notification tables and the Users tables that mail links and sign-ins write (password resets, e-mail verifications, known devices), through the app role the host connects as.</summary>
public sealed class NotificationTablesIsolationTests
{
    private PlatformApp app = null!;
    private TestAccount ownerA = null!;
    private TestAccount ownerB = null!;

    [OneTimeSetUp]
    public async Task Start()
    {
        app = new PlatformApp();
        ownerA = await app.RegisterAsync();
        ownerB = await app.RegisterAsync();
        await app.Database.ScalarAsTenantAsync(ownerA.TenantId, """
            INSERT INTO notifications.messages (id, tenant_id, source_event_id, kind, recipient_user_id, recipient_email, parameters, created_at)
            VALUES (gen_random_uuid(), $1, gen_random_uuid(), 'PostFailed', $2, 'a@example.com', '{}', now())
            """, ownerA.TenantId, ownerA.UserId);
        await app.Database.ScalarAsTenantAsync(ownerA.TenantId,
            "INSERT INTO notifications.preferences (tenant_id, user_id, kind, enabled) VALUES ($1, $2, 'PostFailed', false)", ownerA.TenantId, ownerA.UserId);
        await app.Database.ScalarAsTenantAsync(ownerA.TenantId, """
            INSERT INTO notifications.inbox (id, tenant_id, user_id, source_event_id, kind, title, body, created_at)
            VALUES (gen_random_uuid(), $1, $2, gen_random_uuid(), 'PostFailed', 'title', 'body', now())
            """, ownerA.TenantId, ownerA.UserId);
        await app.Database.ScalarAsTenantAsync(ownerA.TenantId, """
            INSERT INTO users.password_resets (id, tenant_id, user_id, token_hash, created_at, expires_at)
            VALUES (gen_random_uuid(), $1, $2, sha256(gen_random_uuid()::text::bytea), now(), now() + interval '30 minutes')
            """, ownerA.TenantId, ownerA.UserId);
        await app.Database.ScalarAsTenantAsync(ownerA.TenantId, KnownDeviceInsert, ownerA.TenantId, ownerA.UserId);
        // Registration itself stored a verification link and the registering device for each owner.
        (await app.Database.ScalarAsTenantAsync(ownerA.TenantId, "SELECT count(*) FROM users.email_verifications")).ShouldBe(1L);
    }

    private const string KnownDeviceInsert = """
        INSERT INTO users.known_devices (id, tenant_id, user_id, fingerprint, first_seen_at, last_seen_at)
        VALUES (gen_random_uuid(), $1, $2, sha256(gen_random_uuid()::text::bytea), now(), now())
        """;

    [OneTimeTearDown]
    public async Task Stop() => await app.DisposeAsync();

    [TestCase("notifications.messages")]
    [TestCase("notifications.preferences")]
    [TestCase("notifications.inbox")]
    [TestCase("users.password_resets")]
    [TestCase("users.email_verifications")]
    [TestCase("users.known_devices")]
    public Task Another_tenant_sees_no_rows_and_cannot_change_them(string table) =>
        TenantIsolation.AssertIsolatedAsync(app.Database, table, ownerA.TenantId, ownerB.TenantId);

    [Test]
    public Task Writing_a_notification_for_another_tenant_is_rejected() =>
        TenantIsolation.AssertWriteRefusedAsync(app.Database, ownerB.TenantId, """
            INSERT INTO notifications.inbox (id, tenant_id, user_id, source_event_id, kind, title, body, created_at)
            VALUES (gen_random_uuid(), $1, $2, gen_random_uuid(), 'PostFailed', 'title', 'body', now())
            """, ownerA.TenantId, ownerA.UserId);

    [Test]
    public Task Writing_a_password_reset_for_another_tenant_is_rejected() =>
        TenantIsolation.AssertWriteRefusedAsync(app.Database, ownerB.TenantId, """
            INSERT INTO users.password_resets (id, tenant_id, user_id, token_hash, created_at, expires_at)
            VALUES (gen_random_uuid(), $1, $2, sha256(gen_random_uuid()::text::bytea), now(), now() + interval '30 minutes')
            """, ownerA.TenantId, ownerA.UserId);

    [Test]
    public Task Writing_a_known_device_for_another_tenant_is_rejected() =>
        TenantIsolation.AssertWriteRefusedAsync(app.Database, ownerB.TenantId, KnownDeviceInsert, ownerA.TenantId, ownerA.UserId);
}
