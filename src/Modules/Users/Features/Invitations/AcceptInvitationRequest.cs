using FluentValidation;
using Platform.SharedKernel.Validation;
using Platform.Users.Features.Shared;

namespace Platform.Users.Features.Invitations;

internal sealed record AcceptInvitationRequest(string InvitationToken, string Password, string? DisplayName);

internal sealed class AcceptInvitationRequestValidator : AbstractValidator<AcceptInvitationRequest>
{
    public AcceptInvitationRequestValidator()
    {
        RuleFor(r => r.InvitationToken).NotEmpty().MaximumLength(200);
        RuleFor(r => r.Password).StrongPassword();
        RuleFor(r => r.DisplayName).MaximumLength(200);
    }
}
