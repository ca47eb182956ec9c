using Platform.AI.Data;

namespace Platform.AI.Features.Templates;

[System.ComponentModel.ImmutableObject(true)]
internal sealed record TemplateView(Guid Id, string Name, string Body, string? BrandVoice, string? Audience, string? CallToAction, DateTimeOffset CreatedAt, DateTimeOffset UpdatedAt)
{
    public static TemplateView From(PromptTemplate t) => new(t.Id, t.Name, t.Body, t.BrandVoice, t.Audience, t.CallToAction, t.CreatedAt, t.UpdatedAt);
}
