using FluentValidation;
using Platform.ApiKeys.Data;
using Platform.SharedKernel.Security;

namespace Platform.ApiKeys.Features.CreateApiKey;

/// <param name="ExpiresAt">When the key stops working; none means it works until revoked.</param>
internal sealed record CreateApiKeyRequest(string Name, List<ApiScope> Scopes, DateTimeOffset? ExpiresAt);

internal sealed class CreateApiKeyRequestValidator : AbstractValidator<CreateApiKeyRequest>
{
    public CreateApiKeyRequestValidator(TimeProvider clock)
    {
        RuleFor(r => r.Name).NotEmpty().MaximumLength(ApiKey.MaxNameLength);
        RuleFor(r => r.Scopes).NotEmpty().WithMessage("A key needs at least one scope.");
        RuleForEach(r => r.Scopes).IsInEnum();
        RuleFor(r => r.ExpiresAt).Must(expiresAt => expiresAt is null || expiresAt > clock.GetUtcNow())
            .WithMessage("A key's expiry must be in the future.");
    }
}
