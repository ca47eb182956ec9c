namespace Platform.Users.Contracts;

public sealed record UserContact(Guid UserId, string Email, string? DisplayName);
