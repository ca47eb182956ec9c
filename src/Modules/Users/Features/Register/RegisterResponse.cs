using Platform.Users.Tokens;

namespace Platform.Users.Features.Register;

internal sealed record RegisterResponse(UserResponse User, TokenPair Tokens);
