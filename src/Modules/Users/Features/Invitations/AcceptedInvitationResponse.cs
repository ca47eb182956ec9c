using Platform.Users.Features.Shared;
using Platform.Users.Tokens;

namespace Platform.Users.Features.Invitations;

/// <summary>The user an accepted invitation created, signed in.</summary>
internal sealed record AcceptedInvitationResponse(UserResponse User, TokenPair Tokens);
