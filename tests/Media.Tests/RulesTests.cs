using Microsoft.Extensions.Time.Testing;
using Platform.Billing.Contracts;
using Platform.Media.Data;
using Platform.Media.Quotas;
using Platform.Media.Storage;
using Platform.SharedKernel.Errors;
using Shouldly;

namespace Platform.Media.Tests;

public sealed class RulesTests
{
    [Test]
    public void Alt_text_is_trimmed_blank_clears_it_and_control_characters_or_excess_length_are_refused()
    {
        MediaItem.NormalizeAltText("  A cat  ").ShouldBe("A cat");
        MediaItem.NormalizeAltText("   ").ShouldBeNull();
        Should.Throw<ProblemException>(() => MediaItem.NormalizeAltText("bell\u0007")).Status.ShouldBe(400);
        Should.Throw<ProblemException>(() => MediaItem.NormalizeAltText(new string('a', MediaItem.MaxAltTextLength + 1))).Status.ShouldBe(400);
    }

    [Test]
    public void Quota_admits_a_file_only_within_both_limits()
    {
        var plan = new PlanLimits("free", ConnectedAccounts: 1, Seats: 1, PostsPerMonth: 1, AiBudgetUsdPerMonth: 1, MediaStorageBytes: 100, ApiKeys: 1);
        new MediaUsage(UsedBytes: 90, FileCount: 1, plan, MaxFiles: 3).Admit(10).ShouldBe(QuotaOutcome.Fits);
        new MediaUsage(90, 1, plan, 3).Admit(11).ShouldBe(QuotaOutcome.TooManyBytes);
        new MediaUsage(0, 3, plan, 3).Admit(1).ShouldBe(QuotaOutcome.TooManyFiles);
        var refusal = new MediaUsage(90, 1, plan, 3).Refusal(QuotaOutcome.TooManyBytes, 11);
        refusal.Status.ShouldBe(402);
        refusal.Extensions["limit"].ShouldBe("mediaStorageBytes");
        refusal.Extensions["limitValue"].ShouldBe(100m);
        refusal.Extensions["usage"].ShouldBe(90m);
        new MediaUsage(0, 3, plan, 3).Refusal(QuotaOutcome.TooManyFiles, 1).Status.ShouldBe(409);
    }

    [Test]
    public void Local_urls_open_only_the_signed_key_until_they_expire()
    {
        var time = new FakeTimeProvider(DateTimeOffset.Parse("2026-12-01T00:00:00Z"));
        var signer = new LocalUrlSigner(new byte[32], time);
        var expires = time.GetUtcNow().AddMinutes(5).ToUnixTimeSeconds();
        var signature = signer.Sign("tenants/a/media/b/original", expires);
        signer.Check("tenants/a/media/b/original", expires, signature).ShouldBe(LocalUrlCheck.Valid);
        signer.Check("tenants/c/media/b/original", expires, signature).ShouldBe(LocalUrlCheck.BadSignature);
        signer.Check("tenants/a/media/b/original", expires + 1, signature).ShouldBe(LocalUrlCheck.BadSignature);
        time.Advance(TimeSpan.FromMinutes(6));
        signer.Check("tenants/a/media/b/original", expires, signature).ShouldBe(LocalUrlCheck.Expired);
    }

    [Test]
    public void Object_keys_carry_the_tenant_and_refuse_climbing_out()
    {
        var tenant = Guid.NewGuid();
        ObjectKeys.Original(tenant, Guid.NewGuid()).ShouldStartWith($"tenants/{tenant:N}/");
        ObjectKeys.IsWellFormed("tenants/../etc/passwd").ShouldBeFalse();
        ObjectKeys.IsWellFormed("/etc/passwd").ShouldBeFalse();
        ObjectKeys.IsWellFormed(ObjectKeys.Thumbnail(tenant, Guid.NewGuid())).ShouldBeTrue();
    }
}
