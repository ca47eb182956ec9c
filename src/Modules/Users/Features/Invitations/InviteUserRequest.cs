using FluentValidation;
using Platform.SharedKernel.Security;
using Platform.SharedKernel.Validation;
using Platform.Users.Features.Shared;

namespace Platform.Users.Features.Invitations;

internal sealed record InviteUserRequest(string Email, TenantRole Role);

internal sealed class InviteUserRequestValidator : AbstractValidator<InviteUserRequest>
{
    public InviteUserRequestValidator()
    {
        RuleFor(r => r.Email).ValidEmail();
        RuleFor(r => r.Role).IsInEnum();
    }
}
