using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Console;
using Microsoft.Extensions.Options;
using Platform.TestKit;
using Shouldly;

namespace Platform.Foundation.Tests.Logging;

/// <summary>Logging:Format picks the console's formatter: readable text by default, JSON lines with scopes when asked.</summary>
public sealed class LogFormatTests
{
    [Test]
    public async Task Text_is_the_default()
    {
        await using var app = new PlatformApp(new Dictionary<string, string?> { ["Migrations:ApplyOnStartup"] = "false" });

        var console = app.Services.GetRequiredService<IOptionsMonitor<ConsoleLoggerOptions>>().CurrentValue;

        (console.FormatterName ?? ConsoleFormatterNames.Simple).ShouldBe(ConsoleFormatterNames.Simple);
    }

    [Test]
    public async Task Json_writes_one_object_a_line_with_the_scopes_and_utc_times()
    {
        await using var app = new PlatformApp(new Dictionary<string, string?> { ["Logging:Format"] = "Json", ["Migrations:ApplyOnStartup"] = "false" });

        var console = app.Services.GetRequiredService<IOptionsMonitor<ConsoleLoggerOptions>>().CurrentValue;
        var json = app.Services.GetRequiredService<IOptionsMonitor<JsonConsoleFormatterOptions>>().CurrentValue;

        console.FormatterName.ShouldBe(ConsoleFormatterNames.Json);
        json.IncludeScopes.ShouldBeTrue();
        json.UseUtcTimestamp.ShouldBeTrue();
        json.JsonWriterOptions.Indented.ShouldBeFalse();
    }

    [Test]
    public void An_unknown_format_stops_the_host_naming_the_setting()
    {
        using var app = new PlatformApp(new Dictionary<string, string?> { ["Logging:Format"] = "Xml", ["Migrations:ApplyOnStartup"] = "false" });

        var failure = Should.Throw<InvalidOperationException>(() => app.CreateClient());

        failure.Message.ShouldContain("Logging:Format");
    }
}
