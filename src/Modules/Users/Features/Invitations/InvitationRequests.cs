using FluentValidation;
using Platform.SharedKernel.Security;
using Platform.SharedKernel.Validation;
using Platform.Users.Features;

namespace Platform.Users.Features.Invitations;

internal sealed record InviteUserRequest(string Email, TenantRole Role);

internal sealed record AcceptInvitationRequest(string InvitationToken, string Password, string? DisplayName);

internal sealed class InviteUserRequestValidator : AbstractValidator<InviteUserRequest>
{
    public InviteUserRequestValidator()
    {
        RuleFor(r => r.Email).ValidEmail();
        RuleFor(r => r.Role).IsInEnum();
    }
}

internal sealed class AcceptInvitationRequestValidator : AbstractValidator<AcceptInvitationRequest>
{
    public AcceptInvitationRequestValidator()
    {
        RuleFor(r => r.InvitationToken).NotEmpty().MaximumLength(200);
        RuleFor(r => r.Password).StrongPassword();
        RuleFor(r => r.DisplayName).MaximumLength(200);
    }
}
