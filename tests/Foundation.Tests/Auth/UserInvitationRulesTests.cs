using Platform.SharedKernel.Errors;
using Platform.SharedKernel.Security;
using Platform.Users.Data;
using Platform.Users.Tokens;
using Shouldly;

namespace Platform.Foundation.Tests.Auth;

/// <summary>The invitation's own rules, without a database.</summary>
public sealed class UserInvitationRulesTests
{
    private static readonly DateTimeOffset Now = new(2026, 12, 1, 12, 0, 0, TimeSpan.Zero);
    private static readonly TimeSpan Lifetime = TimeSpan.FromDays(7);
    private static readonly MailTokenSecrets Secrets =
        new(Microsoft.Extensions.Options.Options.Create(new JwtOptions { SigningKey = "invitation-rules-test-signing-key-of-32-bytes" }));

    [Test]
    public void A_new_invitation_is_pending_until_it_expires_and_keeps_only_the_hash_of_its_secret()
    {
        var (invitation, token) = UserInvitation.Create(Guid.NewGuid(), " New@Example.com ", TenantRole.Editor, Guid.NewGuid(), Now, Lifetime, Secrets);

        invitation.StateAt(Now).ShouldBe(InvitationState.Pending);
        invitation.StateAt(Now + Lifetime - TimeSpan.FromSeconds(1)).ShouldBe(InvitationState.Pending);
        invitation.StateAt(Now + Lifetime).ShouldBe(InvitationState.Expired);
        invitation.EmailNormalized.ShouldBe("new@example.com");
        invitation.TokenHash.ShouldBe(token.SecretHash);
        invitation.TokenHash.Length.ShouldBe(32);
        invitation.IsProvenBy(token).ShouldBeTrue();
    }

    [Test]
    public void A_token_round_trips_and_anything_else_does_not_parse()
    {
        var (_, token) = UserInvitation.Create(Guid.NewGuid(), "a@example.com", TenantRole.Viewer, Guid.NewGuid(), Now, Lifetime, Secrets);

        InvitationToken.TryParse(token.Encode(), out var parsed).ShouldBeTrue();
        parsed!.TenantId.ShouldBe(token.TenantId);
        parsed.InvitationId.ShouldBe(token.InvitationId);
        parsed.SecretHash.ShouldBe(token.SecretHash);

        var encoded = token.Encode();
        foreach (var bad in new[] { "", encoded + "x", encoded[..^2], "inv2" + encoded[4..], encoded.Replace(".", ".."), "a.b.c" })
        {
            InvitationToken.TryParse(bad, out _).ShouldBeFalse(bad);
        }
    }

    [Test]
    public void Another_invitations_token_or_a_changed_secret_does_not_prove_it()
    {
        var tenant = Guid.NewGuid();
        var (invitation, token) = UserInvitation.Create(tenant, "a@example.com", TenantRole.Viewer, Guid.NewGuid(), Now, Lifetime, Secrets);
        var (_, otherToken) = UserInvitation.Create(tenant, "a@example.com", TenantRole.Viewer, Guid.NewGuid(), Now, Lifetime, Secrets);
        var parts = token.Encode().Split('.');
        InvitationToken.TryParse($"{parts[0]}.{parts[1]}.{parts[2]}.{otherToken.Encode().Split('.')[3]}", out var swapped).ShouldBeTrue();
        InvitationToken.TryParse($"{parts[0]}.{Guid.NewGuid():N}.{parts[2]}.{parts[3]}", out var otherTenant).ShouldBeTrue();

        invitation.IsProvenBy(otherToken).ShouldBeFalse();
        invitation.IsProvenBy(swapped!).ShouldBeFalse();
        invitation.IsProvenBy(otherTenant!).ShouldBeFalse();
    }

    [Test]
    public void Accepting_uses_it_up_once()
    {
        var (invitation, _) = UserInvitation.Create(Guid.NewGuid(), "a@example.com", TenantRole.Viewer, Guid.NewGuid(), Now, Lifetime, Secrets);
        var user = Guid.NewGuid();

        invitation.Accept(user, Now);

        invitation.StateAt(Now).ShouldBe(InvitationState.Accepted);
        invitation.AcceptedUserId.ShouldBe(user);
        Should.Throw<ProblemException>(() => invitation.Accept(Guid.NewGuid(), Now)).Status.ShouldBe(409);
        Should.Throw<ProblemException>(() => invitation.Revoke(Guid.NewGuid(), Now)).Status.ShouldBe(409);
    }

    [Test]
    public void Expired_and_revoked_invitations_are_gone()
    {
        var (expired, _) = UserInvitation.Create(Guid.NewGuid(), "a@example.com", TenantRole.Viewer, Guid.NewGuid(), Now, Lifetime, Secrets);
        var (revoked, _) = UserInvitation.Create(Guid.NewGuid(), "b@example.com", TenantRole.Viewer, Guid.NewGuid(), Now, Lifetime, Secrets);
        var revoker = Guid.NewGuid();

        revoked.Revoke(revoker, Now);
        revoked.Revoke(Guid.NewGuid(), Now.AddMinutes(1));

        revoked.StateAt(Now).ShouldBe(InvitationState.Revoked);
        revoked.RevokedBy.ShouldBe(revoker);
        revoked.RevokedAt.ShouldBe(Now);
        Should.Throw<ProblemException>(() => revoked.Accept(Guid.NewGuid(), Now)).Status.ShouldBe(410);
        Should.Throw<ProblemException>(() => expired.Accept(Guid.NewGuid(), Now + Lifetime)).Status.ShouldBe(410);
        expired.AcceptedAt.ShouldBeNull();
    }
}
