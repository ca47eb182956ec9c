using System.Text.RegularExpressions;
using Platform.AI.Features.Templates;
using Platform.SharedKernel.Errors;

namespace Platform.AI.Features.Shared;

/// <summary>
/// Renders a tenant's prompt template into guidance for the model: its <c>{{variables}}</c> come from the
/// request, then from the template's own brand voice, audience and call to action.
/// </summary>
internal sealed partial class TemplateGuidance(TemplateCatalog templates)
{
    public async Task<string?> RenderAsync(Guid? templateId, IReadOnlyDictionary<string, string>? variables, CancellationToken cancellationToken)
    {
        if (templateId is null)
        {
            return null;
        }
        var template = await templates.FindAsync(templateId.Value, cancellationToken)
            ?? throw ProblemException.NotFound("The prompt template");
        return Render(template, variables ?? new Dictionary<string, string>());
    }

    public static string Render(TemplateView template, IReadOnlyDictionary<string, string> variables)
    {
        var values = new Dictionary<string, string?>(StringComparer.OrdinalIgnoreCase)
        {
            ["brand_voice"] = template.BrandVoice,
            ["audience"] = template.Audience,
            ["call_to_action"] = template.CallToAction,
        };
        foreach (var (key, value) in variables)
        {
            values[Key(key)] = value;
        }
        var missing = new List<string>();
        var body = Placeholder().Replace(template.Body, match =>
        {
            if (values.TryGetValue(Key(match.Groups[1].Value), out var value) && !string.IsNullOrWhiteSpace(value))
            {
                return value;
            }
            missing.Add(match.Groups[1].Value);
            return match.Value;
        });
        if (missing.Count > 0)
        {
            throw ProblemException.BadRequest($"The template needs values for: {string.Join(", ", missing.Distinct())}.");
        }
        var lines = new List<string> { body };
        lines.AddRange(new[] { ("Brand voice", template.BrandVoice), ("Audience", template.Audience), ("Call to action", template.CallToAction) }
            .Where(f => !string.IsNullOrWhiteSpace(f.Item2) && !template.Body.Contains(f.Item2!, StringComparison.Ordinal))
            .Select(f => $"{f.Item1}: {f.Item2}."));
        return string.Join('\n', lines);
    }

    // brandVoice, brand_voice and brand-voice name the same variable.
    private static string Key(string name) => CamelBoundary().Replace(name.Trim(), "$1_$2").Replace('-', '_').ToLowerInvariant();

    [GeneratedRegex(@"\{\{\s*([A-Za-z][A-Za-z0-9_-]*)\s*\}\}")]
    private static partial Regex Placeholder();

    [GeneratedRegex("([a-z0-9])([A-Z])")]
    private static partial Regex CamelBoundary();
}
