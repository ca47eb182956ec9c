using FluentValidation;

namespace Platform.AI.Features.Templates;

/// <param name="Body">The instructions, with <c>{{variables}}</c> such as <c>{{brand_voice}}</c>, <c>{{audience}}</c>, <c>{{call_to_action}}</c> or your own.</param>
internal sealed record TemplateRequest(string Name, string Body, string? BrandVoice = null, string? Audience = null, string? CallToAction = null);

internal sealed class TemplateValidator : AbstractValidator<TemplateRequest>
{
    public TemplateValidator()
    {
        RuleFor(r => r.Name).NotEmpty().MaximumLength(100);
        RuleFor(r => r.Body).NotEmpty().MaximumLength(4000);
        RuleFor(r => r.BrandVoice).MaximumLength(200);
        RuleFor(r => r.Audience).MaximumLength(200);
        RuleFor(r => r.CallToAction).MaximumLength(200);
    }
}
