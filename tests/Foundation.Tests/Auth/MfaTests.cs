using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using OtpNet;
using Platform.TestKit;
using Shouldly;

namespace Platform.Foundation.Tests.Auth;

public sealed class MfaTests : OneHostFixture
{
    [Test]
    public async Task Once_enrolled_login_needs_a_code_and_a_recovery_code_works_once()
    {
        var owner = await app.RegisterAsync();
        var (secret, recoveryCodes) = await EnrolAsync(owner);
        using var anonymous = app.CreateClient();

        var withoutCode = await anonymous.PostAsJsonAsync("/api/v1/auth/login", new { email = owner.Email, password = owner.Password });
        var problem = await withoutCode.ShouldBeProblemAsync(HttpStatusCode.Unauthorized);
        problem.GetProperty("mfaRequired").GetBoolean().ShouldBeTrue();

        // The step used at confirmation cannot be replayed; the next one can.
        var code = new Totp(Base32Encoding.ToBytes(secret)).ComputeTotp(DateTime.UtcNow.AddSeconds(30));
        (await app.LoginAsync(owner.Email, owner.Password, code)).UserId.ShouldBe(owner.UserId);
        var replay = await anonymous.PostAsJsonAsync("/api/v1/auth/login", new { email = owner.Email, password = owner.Password, code });
        await replay.ShouldBeProblemAsync(HttpStatusCode.Unauthorized);

        (await app.LoginAsync(owner.Email, owner.Password, recoveryCodes[0])).UserId.ShouldBe(owner.UserId);
        var reused = await anonymous.PostAsJsonAsync("/api/v1/auth/login", new { email = owner.Email, password = owner.Password, code = recoveryCodes[0] });
        await reused.ShouldBeProblemAsync(HttpStatusCode.Unauthorized);
    }

    [Test]
    public async Task A_wrong_confirmation_code_leaves_mfa_off()
    {
        var owner = await app.RegisterAsync();
        await owner.Client.PostAsync("/api/v1/me/mfa/enroll", null);

        var confirm = await owner.Client.PostAsJsonAsync("/api/v1/me/mfa/confirm", new { code = "000000" });

        await confirm.ShouldBeProblemAsync(HttpStatusCode.BadRequest);
        (await owner.Client.GetFromJsonAsync<JsonElement>("/api/v1/me")).GetProperty("mfaEnabled").GetBoolean().ShouldBeFalse();
    }

    [Test]
    public async Task Disabling_needs_the_password_and_a_code_then_login_needs_no_code()
    {
        var owner = await app.RegisterAsync();
        var (_, recoveryCodes) = await EnrolAsync(owner);

        var wrong = await owner.Client.PostAsJsonAsync("/api/v1/me/mfa/disable", new { password = "not-the-password", code = recoveryCodes[1] });
        await wrong.ShouldBeProblemAsync(HttpStatusCode.BadRequest);
        var disabled = await owner.Client.PostAsJsonAsync("/api/v1/me/mfa/disable", new { password = owner.Password, code = recoveryCodes[1] });

        disabled.StatusCode.ShouldBe(HttpStatusCode.NoContent, await disabled.Content.ReadAsStringAsync());
        (await app.LoginAsync(owner.Email, owner.Password)).UserId.ShouldBe(owner.UserId);
    }

    private static async Task<(string Secret, string[] RecoveryCodes)> EnrolAsync(TestAccount owner)
    {
        var enrolment = await (await owner.Client.PostAsync("/api/v1/me/mfa/enroll", null)).Content.ReadFromJsonAsync<JsonElement>();
        var secret = enrolment.GetProperty("secret").GetString()!;
        enrolment.GetProperty("otpAuthUri").GetString()!.ShouldStartWith("otpauth://totp/");
        var code = new Totp(Base32Encoding.ToBytes(secret)).ComputeTotp(DateTime.UtcNow);
        var confirmed = await owner.Client.PostAsJsonAsync("/api/v1/me/mfa/confirm", new { code });
        confirmed.StatusCode.ShouldBe(HttpStatusCode.OK, await confirmed.Content.ReadAsStringAsync());
        var codes = (await confirmed.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("recoveryCodes")
            .EnumerateArray().Select(c => c.GetString()!).ToArray();
        codes.Length.ShouldBe(10);
        return (secret, codes);
    }
}
