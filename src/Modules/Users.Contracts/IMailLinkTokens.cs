namespace Platform.Users.Contracts;

/// <summary>
/// The tokens of the links mailed to people, derived again from the server's key when the mail is written, so that no
/// token is ever stored (the database holds only their hashes) or carried in an event.
/// </summary>
public interface IMailLinkTokens
{
    string InvitationToken(Guid tenantId, Guid invitationId);

    string PasswordResetToken(Guid tenantId, Guid resetId);

    string EmailVerificationToken(Guid tenantId, Guid verificationId);
}
