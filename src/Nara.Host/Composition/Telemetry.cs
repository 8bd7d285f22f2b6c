using Npgsql;
using OpenTelemetry.Metrics;
using OpenTelemetry.Trace;

namespace Nara.Host.Composition;

internal static class Telemetry
{
    /// <summary>
    /// Metrics and traces for requests, outgoing HTTP, the runtime, PostgreSQL and every "Nara.*" source.
    /// They are exported over OTLP only when OTEL_EXPORTER_OTLP_ENDPOINT is set, so a laptop needs no collector.
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
            })
            .WithTracing(t =>
            {
                t.AddAspNetCoreInstrumentation(o => o.Filter = ctx => !ctx.Request.Path.StartsWithSegments("/health"))
                    .AddHttpClientInstrumentation()
                    .AddNpgsql()
                    .AddSource("Nara.*");
                if (otlp)
                {
                    t.AddOtlpExporter();
                }
            });
        _ = otel;
        return builder;
    }
}
