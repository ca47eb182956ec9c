using System.Text;
using Platform.AI.Contracts;

namespace Platform.AI.Generation;

internal sealed record Prompt(string System, string User)
{
    /// <summary>
    /// An upper bound of the prompt's tokens: a BPE token is at least one byte, so the UTF-8 length plus a
    /// per-message allowance can only over-estimate. Reservations built on it cannot be too small.
    /// </summary>
    public int MaxInputTokens => Encoding.UTF8.GetByteCount(System) + Encoding.UTF8.GetByteCount(User) + 32;

    public static Prompt For(AiTask task, TargetRules rules)
    {
        var system = new StringBuilder()
            .AppendLine($"You write social media content for {rules.Names}.")
            .AppendLine($"Every piece must be at most {rules.MaxLength} characters, including hashtags.")
            .AppendLine($"Hashtags: {rules.HashtagAdvice}.");
        if (!string.IsNullOrWhiteSpace(task.Guidance))
        {
            system.AppendLine(task.Guidance);
        }
        if (!string.IsNullOrWhiteSpace(task.Tone))
        {
            system.AppendLine($"Tone: {task.Tone}.");
        }
        system.AppendLine(Instructions(task, rules));
        return new Prompt(system.ToString().Trim(), task.Text);
    }

    private static string Instructions(AiTask task, TargetRules rules) => task.Type switch
    {
        AiRequestType.Caption =>
            $"Write {task.Variants} distinct caption variants for the user's post idea. Separate variants with a line containing only ---. No numbering, no commentary.",
        AiRequestType.Hashtags =>
            $"Suggest up to {task.Count} hashtags for the user's text. Answer with the hashtags only, separated by spaces.",
        AiRequestType.Content =>
            "Write a complete long-form post from the user's brief: a hook, a body and a call to action. Answer with the post only.",
        AiRequestType.Improve => task.Goal switch
        {
            ImproveGoals.Shorter => "Rewrite the user's content shorter, keeping its meaning. Answer with the rewrite only.",
            ImproveGoals.MoreEngaging => "Rewrite the user's content to be more engaging: a stronger hook and a question to the reader. Answer with the rewrite only.",
            ImproveGoals.ChangeTone => $"Rewrite the user's content in a {task.Tone ?? "different"} tone. Answer with the rewrite only.",
            _ => $"Adapt the user's content to {rules.Names}: its length, style and hashtag conventions. Answer with the adapted content only.",
        },
        AiRequestType.Image => "Generate one image for the user's description.",
        _ => throw new ArgumentOutOfRangeException(nameof(task), task.Type, "Unknown request type."),
    };
}
