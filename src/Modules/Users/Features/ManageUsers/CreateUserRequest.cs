using FluentValidation;
using Platform.SharedKernel.Security;
using Platform.Users.Features.Shared;

namespace Platform.Users.Features.ManageUsers;

internal sealed record CreateUserRequest(string Email, string Password, TenantRole Role, string? DisplayName);

internal sealed class CreateUserRequestValidator : AbstractValidator<CreateUserRequest>
{
    public CreateUserRequestValidator()
    {
        RuleFor(r => r.Email).ValidEmail();
        RuleFor(r => r.Password).StrongPassword();
        RuleFor(r => r.Role).IsInEnum();
        RuleFor(r => r.DisplayName).MaximumLength(200);
    }
}
