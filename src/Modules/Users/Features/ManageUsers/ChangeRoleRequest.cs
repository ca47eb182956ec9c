using FluentValidation;
using Platform.SharedKernel.Security;

namespace Platform.Users.Features.ManageUsers;

internal sealed record ChangeRoleRequest(TenantRole Role);

internal sealed class ChangeRoleRequestValidator : AbstractValidator<ChangeRoleRequest>
{
    public ChangeRoleRequestValidator() => RuleFor(r => r.Role).IsInEnum();
}
