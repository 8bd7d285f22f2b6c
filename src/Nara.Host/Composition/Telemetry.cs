using Npgsql;
using OpenTelemetry.Metrics;
using OpenTelemetry.Trace;

namespace Nara.Host.Composition;

internal static class Telemetry
{
    /// <summary>
    /// Metrics and traces for requests, outgoing HTTP, the runtime, PostgreSQL and every "Nara.*" source.
    /// They are exported over OTLP only when OTEL_EXPORTER_OTLP_ENDPOINT is set, so a laptop needs no collector.
    /// Traces are only recorded then: without an exporter every request would still build and tag its spans.
    /// </summary>
    public static WebApplicationBuilder AddNaraTelemetry(this WebApplicationBuilder builder)
    {
        builder.Logging.Configure(o => o.ActivityTrackingOptions = ActivityTrackingOptions.TraceId | ActivityTrackingOptions.SpanId);
        var otlp = !string.IsNullOrWhiteSpace(builder.Configuration["OTEL_EXPORTER_OTLP_ENDPOINT"]);
        var otel = builder.Services.AddOpenTelemetry()
            .WithMetrics(m =>
            {
                m.AddAspNetCoreInstrumentation().AddHttpClientInstrumentation().AddRuntimeInstrumentation().AddMeter("Nara.*");
                if (otlp)
                {
                    m.AddOtlpExporter();
                }
            });
        if (otlp)
        {
            otel.WithTracing(t => t
                .AddAspNetCoreInstrumentation(o => o.Filter = ctx => !ctx.Request.Path.StartsWithSegments("/health"))
                .AddHttpClientInstrumentation()
                .AddNpgsql()
                .AddSource("Nara.*")
                .AddOtlpExporter());
        }

        return builder;
    }
}
