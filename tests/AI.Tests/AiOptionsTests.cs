using Microsoft.Extensions.Configuration;
using Platform.AI.Generation;
using Shouldly;

namespace Platform.AI.Tests;

public sealed class AiOptionsTests
{
    [Test]
    public void Configuring_one_route_keeps_the_seed_routing_of_the_others()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["AI:Routing:caption"] = "compatible",
            ["AI:OpenAI:Models:Content"] = "gpt-4o",
        }).Build();

        var options = configuration.GetSection(AiOptions.Section).Get<AiOptions>()!;

        options.Routing["Caption"].ShouldBe("compatible");
        options.Routing["Content"].ShouldBe("anthropic");
        options.Routing["Image"].ShouldBe("openai");
        options.OpenAI.Models["Content"].ShouldBe("gpt-4o");
        options.OpenAI.Models["Caption"].ShouldBe("gpt-4o-mini");
        options.OpenAI.Models["Image"].ShouldBe("gpt-image-1");
    }
}
