namespace Platform.Users.Features.Invitations;

/// <summary>Section <c>Users:Invitations</c>.</summary>
internal sealed class InvitationOptions
{
    public const string Section = "Users:Invitations";

    /// <summary>How long an invitation can be accepted.</summary>
    public TimeSpan Lifetime { get; set; } = TimeSpan.FromDays(7);
}
