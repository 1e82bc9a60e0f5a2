using LlmSpell.Telemetry;
using Microsoft.Extensions.AI;

namespace LlmSpell.Providers.Clients;

/// <summary>
/// Model-call spans and GenAI metrics through Microsoft.Extensions.AI's own OpenTelemetry client
/// (the GenAI semantic conventions, kept up to date by that library), only when something listens.
/// Prompt and completion text are recorded only with <c>telemetry.record_content = true</c>.
/// </summary>
internal static class ModelCallTracing
{
    public static IChatClient Wrap(IChatClient client) =>
        client.AsBuilder()
            .UseOpenTelemetry(sourceName: LlmSpellTelemetry.GenAiSourceName, configure: c => c.EnableSensitiveData = LlmSpellTelemetry.RecordContent)
            .Build();
}
