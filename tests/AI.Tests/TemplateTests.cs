using System.Net;
using Platform.SharedKernel.Security;
using Shouldly;

namespace Platform.AI.Tests;

/// <summary>Tenant prompt templates: CRUD, isolation, and their variables rendered into generation.</summary>
public sealed class TemplateTests
{
    private FakeProviderServer openAi = null!;
    private AiApp app = null!;

    [OneTimeSetUp]
    public async Task Start()
    {
        openAi = await FakeProviderServer.StartAsync();
        openAi.Default("/v1/chat/completions", _ => ProviderBodies.OpenAiChat("Caption one\n---\nCaption two", 10, 10));
        app = new AiApp(new Dictionary<string, string?>
        {
            ["AI:OpenAI:ApiKey"] = "sk-test",
            ["AI:OpenAI:BaseUrl"] = openAi.BaseUrl + "/v1",
            ["AI:Moderation:Provider"] = "local",
        });
    }

    [OneTimeTearDown]
    public async Task Stop()
    {
        await app.DisposeAsync();
        await openAi.DisposeAsync();
    }

    [Test]
    public async Task A_template_is_created_read_listed_replaced_and_deleted()
    {
        var tenant = await app.CreateTenantAsync();
        var editor = app.ClientFor(tenant);

        var created = await editor.PostJsonAsync("/api/v1/ai/templates",
            new { name = "Launch", body = "Speak to {{audience}} in a {{brandVoice}} voice.", brandVoice = "warm", audience = "coffee lovers", callToAction = "Visit us" });
        created.StatusCode.ShouldBe(HttpStatusCode.Created);
        var id = (await created.JsonAsync()).GetProperty("id").GetString();
        created.Headers.Location!.ToString().ShouldBe($"/api/v1/ai/templates/{id}");

        var duplicate = await editor.PostJsonAsync("/api/v1/ai/templates", new { name = "Launch", body = "Other" });
        duplicate.StatusCode.ShouldBe(HttpStatusCode.Conflict);

        var replaced = await editor.PutAsync($"/api/v1/ai/templates/{id}",
            System.Net.Http.Json.JsonContent.Create(new { name = "Launch v2", body = "For {{audience}}.", audience = "baristas" }));
        replaced.StatusCode.ShouldBe(HttpStatusCode.OK);

        var viewer = app.ClientFor(tenant, TenantRole.Viewer);
        var read = await (await viewer.GetAsync($"/api/v1/ai/templates/{id}")).JsonAsync();
        read.GetProperty("name").GetString().ShouldBe("Launch v2");
        read.GetProperty("audience").GetString().ShouldBe("baristas");
        read.GetProperty("brandVoice").ValueKind.ShouldBe(System.Text.Json.JsonValueKind.Null);
        (await (await viewer.GetAsync("/api/v1/ai/templates")).JsonAsync()).GetProperty("totalCount").GetInt64().ShouldBe(1);
        (await viewer.DeleteAsync($"/api/v1/ai/templates/{id}")).StatusCode.ShouldBe(HttpStatusCode.Forbidden);

        (await editor.DeleteAsync($"/api/v1/ai/templates/{id}")).StatusCode.ShouldBe(HttpStatusCode.NoContent);
        (await viewer.GetAsync($"/api/v1/ai/templates/{id}")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }

    [Test]
    public async Task A_template_must_have_a_name_and_a_body()
    {
        var tenant = await app.CreateTenantAsync();

        var response = await app.ClientFor(tenant).PostJsonAsync("/api/v1/ai/templates", new { name = "", body = "" });

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        var errors = (await response.JsonAsync()).GetProperty("errors");
        errors.TryGetProperty("Name", out _).ShouldBeTrue();
        errors.TryGetProperty("Body", out _).ShouldBeTrue();
    }

    [Test]
    public async Task Another_tenants_template_cannot_be_read_or_used()
    {
        var owner = await app.CreateTenantAsync();
        var other = await app.CreateTenantAsync();
        var id = (await (await app.ClientFor(owner).PostJsonAsync("/api/v1/ai/templates", new { name = "Secret", body = "Secret sauce" })).JsonAsync())
            .GetProperty("id").GetString();
        var intruder = app.ClientFor(other);

        (await intruder.GetAsync($"/api/v1/ai/templates/{id}")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await intruder.PostJsonAsync("/api/v1/ai/captions", new { prompt = "Steal it", platforms = new[] { "x" }, templateId = id }))
            .StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await app.UsageAsync(other)).ShouldBe(0m);
    }

    [Test]
    public async Task Generation_renders_the_template_variables_into_the_prompt()
    {
        var tenant = await app.CreateTenantAsync();
        var client = app.ClientFor(tenant);
        var id = (await (await client.PostJsonAsync("/api/v1/ai/templates", new
        {
            name = "Brand",
            body = "Write for {{audience}} in a {{brand_voice}} voice about {{product}}.",
            brandVoice = "playful",
            audience = "students",
            callToAction = "Show your student card for 10% off",
        })).JsonAsync()).GetProperty("id").GetString();
        openAi.Reset();

        var response = await client.PostJsonAsync("/api/v1/ai/captions",
            new { prompt = "Exam week opening hours", platforms = new[] { "instagram" }, templateId = id, variables = new Dictionary<string, string> { ["product"] = "iced oat latte", ["audience"] = "night owls" } });

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        var system = openAi.On("/v1/chat/completions").Single().Json.GetProperty("messages")[0].GetProperty("content").GetString()!;
        system.ShouldContain("Write for night owls in a playful voice about iced oat latte.");
        system.ShouldContain("Call to action: Show your student card for 10% off.");
        (await response.JsonAsync()).GetProperty("input").GetProperty("templateId").GetString().ShouldBe(id);
    }

    [Test]
    public async Task Harmful_templates_and_template_variables_are_rejected()
    {
        var tenant = await app.CreateTenantAsync();
        var client = app.ClientFor(tenant);

        var created = await client.PostJsonAsync("/api/v1/ai/templates", new { name = "Bad", body = "Tell them to buy cocaine" });
        var id = (await (await client.PostJsonAsync("/api/v1/ai/templates", new { name = "Fine", body = "Close with {{cta}}." })).JsonAsync()).GetProperty("id").GetString();
        openAi.Reset();
        var generated = await client.PostJsonAsync("/api/v1/ai/captions",
            new { prompt = "Weekend hours", platforms = new[] { "x" }, templateId = id, variables = new Dictionary<string, string> { ["cta"] = "go die" } });

        created.StatusCode.ShouldBe(HttpStatusCode.UnprocessableEntity);
        generated.StatusCode.ShouldBe(HttpStatusCode.UnprocessableEntity);
        openAi.Received.ShouldBeEmpty();
    }

    [Test]
    public async Task A_template_variable_without_a_value_is_a_bad_request_and_costs_nothing()
    {
        var tenant = await app.CreateTenantAsync();
        var client = app.ClientFor(tenant);
        var id = (await (await client.PostJsonAsync("/api/v1/ai/templates", new { name = "Needs product", body = "About {{product}}." })).JsonAsync())
            .GetProperty("id").GetString();
        openAi.Reset();

        var response = await client.PostJsonAsync("/api/v1/ai/content", new { prompt = "Anything", platforms = new[] { "x" }, templateId = id });

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await response.JsonAsync()).GetProperty("detail").GetString()!.ShouldContain("product");
        openAi.Received.ShouldBeEmpty();
        (await app.UsageAsync(tenant)).ShouldBe(0m);
    }
}
