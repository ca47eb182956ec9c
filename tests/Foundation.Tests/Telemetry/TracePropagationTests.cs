using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using OpenTelemetry.Trace;
using Platform.TestKit;
using Shouldly;

namespace Platform.Foundation.Tests.Telemetry;

/// <summary>
/// One trace from a request through the outbox to a job: the request's trace id is stored on its outbox row and on the
/// job the handler queues, and their spans continue it. Spans are read with the in-memory exporter.
/// </summary>
public sealed class TracePropagationTests
{
    [Test]
    public async Task An_invitations_trace_reaches_its_outbox_handler_and_the_mail_job_it_queued()
    {
        var spans = new ExportedSpans();
        await using var app = new PlatformApp(new Dictionary<string, string?>
        {
            // Tracing is on with an OTLP endpoint; nobody listens there, the in-memory exporter below is what the test reads.
            ["Telemetry:Otlp:Endpoint"] = "http://127.0.0.1:9",
        })
        { TestServices = services => services.ConfigureOpenTelemetryTracerProvider(tracing => tracing.AddInMemoryExporter(spans)) };
        var owner = await app.RegisterAsync();

        var invited = await owner.Client.PostAsJsonAsync("/api/v1/users/invitations", new { email = $"traced-{Guid.NewGuid():N}@example.com", role = "editor" });
        invited.StatusCode.ShouldBe(HttpStatusCode.Created, await invited.Content.ReadAsStringAsync());

        var request = await spans.WaitForAsync(s => s.Kind == ActivityKind.Server && s.GetTagItem("http.route") is "/api/v1/users/invitations/",
            "server span of the invitation");
        var traceId = request.TraceId;
        (await app.Database.SuperuserScalarAsync(
            "SELECT count(*) FROM platform_events.outbox WHERE traceparent LIKE '00-' || $1 || '-%'", traceId.ToHexString())).ShouldNotBe(0L);
        var handler = await spans.WaitForAsync(s => s.TraceId == traceId && s.DisplayName.StartsWith("outbox ", StringComparison.Ordinal), "outbox handler span");
        handler.Kind.ShouldBe(ActivityKind.Consumer);
        var job = await spans.WaitForAsync(s => s.TraceId == traceId && s.DisplayName == "job SendMailJob.SendAsync", "mail job span in the same trace");
        job.Status.ShouldNotBe(ActivityStatusCode.Error);
        // The database commands the handler ran are in the trace too, under its span.
        spans.Snapshot().ShouldContain(s => s.TraceId == traceId && s.Source.Name == "Npgsql");
    }

    [Test]
    public async Task Without_an_otlp_endpoint_nothing_is_traced()
    {
        var spans = new ExportedSpans();
        await using var app = new PlatformApp { TestServices = services => services.ConfigureOpenTelemetryTracerProvider(tracing => tracing.AddInMemoryExporter(spans)) };

        await app.RegisterAsync();

        spans.Snapshot().ShouldNotContain(s => s.Source.Name == "Platform" || s.Source.Name == "Npgsql");
    }
}
