using Microsoft.Extensions.Options;
using Platform.AI.Providers;

namespace Platform.AI.Generation;

/// <summary>
/// Prices from <c>AI:Prices:&lt;model&gt;</c>. Amounts are rounded up to 1/100 of a cent, the precision of the
/// tenant's usage column, so a reservation and its release cancel exactly.
/// </summary>
internal sealed class AiPricing(IOptionsMonitor<AiOptions> options)
{
    public decimal Estimate(string model, Prompt prompt, int maxOutputTokens, bool image)
    {
        var price = PriceOf(model);
        return image
            ? RoundUp(price.PerImage + price.InputPerMillion * prompt.MaxInputTokens / 1_000_000m)
            : RoundUp((price.InputPerMillion * prompt.MaxInputTokens + price.OutputPerMillion * maxOutputTokens) / 1_000_000m);
    }

    /// <param name="requestedModel">Priced when the answer names a snapshot (gpt-4o-mini-2024-07-18) that has no price of its own.</param>
    public decimal Cost(ProviderResponse response, string requestedModel)
    {
        var price = options.CurrentValue.Prices.TryGetValue(response.Model, out var exact) ? exact : PriceOf(requestedModel);
        return RoundUp((price.InputPerMillion * response.InputTokens + price.OutputPerMillion * response.OutputTokens) / 1_000_000m
            + price.PerImage * response.Images);
    }

    private ModelPrice PriceOf(string model) =>
        options.CurrentValue.Prices.TryGetValue(model, out var price) ? price
        : options.CurrentValue.Prices.TryGetValue("Default", out var fallback) ? fallback
        : new ModelPrice();

    public static decimal RoundUp(decimal amount) => Math.Ceiling(amount * 10_000m) / 10_000m;
}
