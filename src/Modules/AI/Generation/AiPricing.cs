using Microsoft.Extensions.Options;
using Platform.AI.Providers;

namespace Platform.AI.Generation;

/// <summary>
/// Prices from <c>AI:Prices:&lt;model&gt;</c>, applied exactly to the usage the provider reported: no rounding up per
/// request. Amounts are kept to <see cref="Decimals"/> places, the scale of the budget and cost columns, so what is
/// charged, recorded and shown is the same number, and a reservation and its release cancel exactly.
/// </summary>
internal sealed class AiPricing(IOptionsMonitor<AiOptions> options)
{
    /// <summary>The scale of <c>ai_usage_current</c>, <c>reserved_usd</c> and <c>cost_usd</c> (numeric(20, 10)).</summary>
    public const int Decimals = 10;

    /// <summary>The most the call can cost: input bounded by the prompt's bytes, output by the cap we send.</summary>
    public decimal Estimate(string model, Prompt prompt, int maxOutputTokens, bool image)
    {
        var price = PriceOf(model);
        var tokens = (price.InputPerMillion * prompt.MaxInputTokens + price.OutputPerMillion * maxOutputTokens) / 1_000_000m;
        // An upper bound may only round up; the scale leaves that at most 1e-10 USD above the exact bound.
        return CeilingToScale(image ? price.PerImage + tokens : tokens);
    }

    /// <param name="requestedModel">Priced when the answer names a snapshot (gpt-4o-mini-2024-07-18) that has no price of its own.</param>
    public decimal Cost(ProviderResponse response, string requestedModel)
    {
        var price = options.CurrentValue.Prices.TryGetValue(response.Model, out var exact) ? exact : PriceOf(requestedModel);
        return Math.Round((price.InputPerMillion * response.InputTokens + price.OutputPerMillion * response.OutputTokens) / 1_000_000m
            + price.PerImage * response.Images, Decimals, MidpointRounding.AwayFromZero);
    }

    private ModelPrice PriceOf(string model) =>
        options.CurrentValue.Prices.TryGetValue(model, out var price) ? price
        : options.CurrentValue.Prices.TryGetValue("Default", out var fallback) ? fallback
        : new ModelPrice();

    private static decimal CeilingToScale(decimal amount)
    {
        var scaled = amount * 10_000_000_000m;
        return Math.Ceiling(scaled) / 10_000_000_000m;
    }
}
