using System.ComponentModel;
using Platform.AI.Features.Templates;

namespace Platform.AI.Features.Shared;

/// <summary>A tenant's prompt templates by name, as cached; shared by every reader, so never changed.</summary>
[ImmutableObject(true)]
internal sealed record TemplateList(IReadOnlyList<TemplateView> Items);
