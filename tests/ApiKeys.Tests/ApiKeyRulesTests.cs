using Platform.ApiKeys.Data;
using Platform.SharedKernel.Errors;
using Platform.SharedKernel.Security;
using Shouldly;

namespace Platform.ApiKeys.Tests;

/// <summary>The key's own rules and its secret's format, without a database.</summary>
public sealed class ApiKeyRulesTests
{
    private static readonly DateTimeOffset Now = new(2026, 12, 1, 12, 0, 0, TimeSpan.Zero);

    [Test]
    public void A_new_key_keeps_its_scopes_once_each_and_only_the_hash_of_its_secret()
    {
        var (key, secret) = ApiKey.Create(Guid.NewGuid(), "  Zapier  ", [ApiScope.Publish, ApiScope.PostsRead, ApiScope.Publish], null, Guid.NewGuid(), Now);

        key.Name.ShouldBe("Zapier");
        key.Scopes.ShouldBe([ApiScope.PostsRead, ApiScope.Publish]);
        key.SecretHash.Length.ShouldBe(32);
        secret.Matches(key.SecretHash).ShouldBeTrue();
        secret.KeyId.ShouldBe(key.Id);
        key.StateAt(Now.AddYears(10)).ShouldBe(ApiKeyState.Active);
    }

    [Test]
    public void A_key_expires_at_its_expiry_and_revoking_twice_keeps_the_first_revocation()
    {
        var (key, _) = ApiKey.Create(Guid.NewGuid(), "CI", [ApiScope.PostsRead], Now.AddHours(1), Guid.NewGuid(), Now);
        key.StateAt(Now.AddMinutes(59)).ShouldBe(ApiKeyState.Active);
        key.StateAt(Now.AddHours(1)).ShouldBe(ApiKeyState.Expired);

        var first = Guid.NewGuid();
        key.Revoke(first, Now.AddMinutes(1));
        key.Revoke(Guid.NewGuid(), Now.AddMinutes(2));
        key.RevokedBy.ShouldBe(first);
        key.RevokedAt.ShouldBe(Now.AddMinutes(1));
        key.StateAt(Now.AddMinutes(30)).ShouldBe(ApiKeyState.Revoked);
    }

    [TestCase("", TestName = "An empty name")]
    [TestCase("   ", TestName = "A blank name")]
    public void A_key_needs_a_name(string name) =>
        Should.Throw<ProblemException>(() => ApiKey.Create(Guid.NewGuid(), name, [ApiScope.PostsRead], null, Guid.NewGuid(), Now)).Status.ShouldBe(400);

    [Test]
    public void A_name_too_long_no_scope_or_an_expiry_not_in_the_future_is_refused()
    {
        var tenant = Guid.NewGuid();
        var user = Guid.NewGuid();
        Should.Throw<ProblemException>(() => ApiKey.Create(tenant, new string('n', ApiKey.MaxNameLength + 1), [ApiScope.PostsRead], null, user, Now)).Status.ShouldBe(400);
        Should.Throw<ProblemException>(() => ApiKey.Create(tenant, "CI", [], null, user, Now)).Status.ShouldBe(400);
        Should.Throw<ProblemException>(() => ApiKey.Create(tenant, "CI", [ApiScope.PostsRead], Now, user, Now)).Status.ShouldBe(400);
        ApiKey.Create(tenant, new string('n', ApiKey.MaxNameLength), [ApiScope.PostsRead], Now.AddSeconds(1), user, Now).Key.ShouldNotBeNull();
    }

    [Test]
    public void A_secret_round_trips_with_its_prefix_and_anything_else_does_not_parse()
    {
        var secret = ApiKeySecret.New(Guid.NewGuid());
        var text = secret.Encode();
        text.ShouldStartWith("plk_");
        ApiKeySecret.TryParse(text, out var parsed).ShouldBeTrue();
        parsed!.KeyId.ShouldBe(secret.KeyId);
        parsed.Hash.ShouldBe(secret.Hash);

        foreach (var bad in new[] { "", "plk_", text + "A", text[..^1], "plx_" + text[4..], text.Replace("plk_", "plk__", StringComparison.Ordinal), text[..36] + "-" + text[37..] })
        {
            ApiKeySecret.TryParse(bad, out _).ShouldBeFalse(bad);
        }
    }

    [Test]
    public void Another_secret_for_the_same_id_does_not_match()
    {
        var id = Guid.NewGuid();
        var (key, _) = ApiKey.Create(Guid.NewGuid(), "CI", [ApiScope.PostsRead], null, Guid.NewGuid(), Now);
        ApiKeySecret.New(key.Id).Matches(key.SecretHash).ShouldBeFalse();
        ApiKeySecret.New(id).Matches(key.SecretHash).ShouldBeFalse();
    }

    [Test]
    public void Every_scope_has_its_wire_name()
    {
        ApiScopeNames.All.ShouldBe(
            ["posts:read", "posts:write", "publish", "accounts:read", "analytics:read", "ai:generate", "media:write", "webhooks:manage"],
            ignoreOrder: true);
        foreach (var scope in Enum.GetValues<ApiScope>())
        {
            ApiScopeNames.TryParse(scope.Name(), out var parsed).ShouldBeTrue();
            parsed.ShouldBe(scope);
        }
        System.Text.Json.JsonSerializer.Serialize(ApiScope.AiGenerate, new System.Text.Json.JsonSerializerOptions { Converters = { new System.Text.Json.Serialization.JsonStringEnumConverter() } })
            .ShouldBe("\"ai:generate\"");
    }
}
