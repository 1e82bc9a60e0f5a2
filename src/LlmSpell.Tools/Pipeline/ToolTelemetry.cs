using System.Diagnostics;
using LlmSpell.Components;
using LlmSpell.Telemetry;

namespace LlmSpell.Tools.Pipeline;

/// <summary>
/// The <c>execute_tool</c> span and the tool duration/error instruments around a whole invocation
/// (hooks included). Entered only when a listener exists, so the untraced path adds one flag check.
/// </summary>
internal static class ToolTelemetry
{
    public static bool IsListening => LlmSpellTelemetry.ToolDuration.Enabled || LlmSpellTelemetry.Source.HasListeners();

    public static async Task<ComponentOutput> TraceAsync(string name, ToolCaller caller, Func<Task<ComponentOutput>> invoke)
    {
        using var span = Spans.Tool(name, caller.Kind);
        var started = Stopwatch.GetTimestamp();
        var failed = true;
        try
        {
            var output = await invoke().ConfigureAwait(false);
            failed = output.IsFailure;
            if (failed)
            {
                Spans.Fail(span, output.FailureMessage ?? "the tool returned a failure result");
            }

            return output;
        }
        catch (Exception ex)
        {
            Spans.Fail(span, ex.Message);
            throw;
        }
        finally
        {
            var tags = new TagList
            {
                { GenAiTags.ToolName, name },
                { GenAiTags.Caller, caller.Kind },
            };
            if (failed)
            {
                tags.Add(GenAiTags.ErrorType, "error");
                LlmSpellTelemetry.ToolErrors.Add(1, tags);
            }

            LlmSpellTelemetry.ToolDuration.Record(Stopwatch.GetElapsedTime(started).TotalSeconds, tags);
        }
    }
}
