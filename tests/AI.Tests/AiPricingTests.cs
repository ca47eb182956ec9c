using Microsoft.Extensions.Options;
using Platform.AI.Generation;
using Platform.AI.Providers;
using Shouldly;

namespace Platform.AI.Tests;

public sealed class AiPricingTests
{
    private static readonly AiPricing Pricing = new(new FixedOptions(new AiOptions
    {
        Prices = new(StringComparer.OrdinalIgnoreCase)
        {
            ["gpt-4o-mini"] = new ModelPrice { InputPerMillion = 0.15m, OutputPerMillion = 0.6m },
            ["gpt-image-1"] = new ModelPrice { InputPerMillion = 5m, PerImage = 0.04m },
        },
    }));

    [Test]
    public void A_tiny_call_costs_exactly_its_tokens_times_the_price()
    {
        // 13 x 0.15 + 2 x 0.6 = 3.15 USD per million tokens: 0.00000315 USD, not 0.0001.
        Pricing.Cost(new ProviderResponse("#x", "gpt-4o-mini-2024-07-18", 13, 2), "gpt-4o-mini").ShouldBe(0.00000315m);
    }

    [Test]
    public void An_image_costs_its_price_per_image_plus_its_reported_tokens()
    {
        Pricing.Cost(new ProviderResponse("data:", "gpt-image-1", 50, 1056, Images: 1), "gpt-image-1").ShouldBe(0.04025m);
    }

    [Test]
    public void The_estimate_is_an_upper_bound_rounded_up_only_to_the_ten_decimal_scale()
    {
        var prompt = new Prompt("Suggest hashtags.", "Seven");
        var exact = (0.15m * prompt.MaxInputTokens + 0.6m * 7) / 1_000_000m;

        var estimate = Pricing.Estimate("gpt-4o-mini", prompt, 7, image: false);

        estimate.ShouldBeGreaterThanOrEqualTo(exact);
        (estimate - exact).ShouldBeLessThan(0.0000000001m);
    }

    private sealed class FixedOptions(AiOptions value) : IOptionsMonitor<AiOptions>
    {
        public AiOptions CurrentValue => value;
        public AiOptions Get(string? name) => value;
        public IDisposable? OnChange(Action<AiOptions, string?> listener) => null;
    }
}
