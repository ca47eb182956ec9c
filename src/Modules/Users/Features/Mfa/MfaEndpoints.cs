using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Platform.Audit.Contracts;
using Platform.SharedKernel.Errors;
using Platform.SharedKernel.Events;
using Platform.SharedKernel.Security;
using Platform.SharedKernel.Validation;
using Platform.Users.Contracts;
using Platform.Users.Data;
using Platform.Users.Features.Shared;
using Platform.Users.Mfa;
using Platform.Users.Passwords;

namespace Platform.Users.Features.Mfa;

/// <summary>TOTP enrolment: enrol (secret shown once), confirm with a first code (recovery codes shown once), disable.</summary>
internal static class MfaEndpoints
{
    public static void Map(IEndpointRouteBuilder me)
    {
        var mfa = me.MapGroup("/mfa").RequireAuthorization(Policies.Viewer);
        mfa.MapPost("/enroll", EnrollAsync).WithName("EnrollMfa").WithSummary("Starts TOTP enrolment: a new secret and its otpauth:// URI.");
        mfa.MapPost("/confirm", ConfirmAsync).WithName("ConfirmMfa").WithSummary("Turns MFA on with a first code; answers the one-time recovery codes.")
            .Validate<ConfirmMfaRequest>();
        mfa.MapPost("/disable", DisableAsync).WithName("DisableMfa").WithSummary("Turns MFA off; needs the password and a code.")
            .Validate<DisableMfaRequest>();
    }

    private static async Task<Ok<MfaEnrollment>> EnrollAsync(HttpContext context, UsersDbContext db, CancellationToken cancellationToken)
    {
        var user = await db.CallerAsync(context, cancellationToken);
        if (user.MfaEnabled)
        {
            throw ProblemException.Conflict("MFA is already on; disable it first to enrol a new authenticator.");
        }
        user.MfaSecret = TotpVerifier.NewSecret();
        user.MfaLastStep = null;
        await db.SaveChangesAsync(cancellationToken);
        return TypedResults.Ok(new MfaEnrollment(user.MfaSecret, TotpVerifier.OtpAuthUri(user.MfaSecret, user.Email)));
    }

    private static async Task<Ok<MfaRecoveryCodes>> ConfirmAsync(
        ConfirmMfaRequest request, HttpContext context, UsersDbContext db, TotpVerifier totp, RecoveryCodes recovery, IAuditTrail audit,
        Outbox outbox, TimeProvider clock, CancellationToken cancellationToken)
    {
        var user = await db.CallerAsync(context, cancellationToken);
        if (user.MfaEnabled || user.MfaSecret is null)
        {
            throw ProblemException.Conflict(user.MfaEnabled ? "MFA is already on." : "Enrol first.");
        }
        if (!totp.TryAccept(user, request.Code))
        {
            throw ProblemException.BadRequest("The code is wrong; check the authenticator's clock.");
        }
        user.MfaEnabled = true;
        var codes = await recovery.ReplaceAsync(user, cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        await audit.RecordAsync(new AuditRecord(AuditAction.MfaEnabled, user.Id), cancellationToken);
        await outbox.AddAsync([Changed(user, clock)], cancellationToken);
        return TypedResults.Ok(new MfaRecoveryCodes(codes));
    }

    private static async Task<NoContent> DisableAsync(
        DisableMfaRequest request, HttpContext context, UsersDbContext db, PasswordHasher passwords, TotpVerifier totp, RecoveryCodes recovery,
        IAuditTrail audit, Outbox outbox, TimeProvider clock, CancellationToken cancellationToken)
    {
        var user = await db.CallerAsync(context, cancellationToken);
        if (!user.MfaEnabled)
        {
            throw ProblemException.Conflict("MFA is not on.");
        }
        if (!passwords.Verify(request.Password, user.PasswordHash) ||
            (!totp.TryAccept(user, request.Code.Trim()) && !await recovery.TryConsumeAsync(user, request.Code, cancellationToken)))
        {
            throw ProblemException.BadRequest("The password or the code is wrong.");
        }
        user.MfaEnabled = false;
        user.MfaSecret = null;
        user.MfaLastStep = null;
        await db.SaveChangesAsync(cancellationToken);
        await recovery.DeleteAllAsync(user, cancellationToken);
        await audit.RecordAsync(new AuditRecord(AuditAction.MfaDisabled, user.Id), cancellationToken);
        await outbox.AddAsync([Changed(user, clock)], cancellationToken);
        return TypedResults.NoContent();
    }

    // The user is told by mail either way, so a change made by someone holding their session does not go unnoticed.
    private static MfaChanged Changed(User user, TimeProvider clock) => new()
    {
        TenantId = user.TenantId, OccurredAt = clock.GetUtcNow(), UserId = user.Id, Email = user.Email, Enabled = user.MfaEnabled,
    };
}
