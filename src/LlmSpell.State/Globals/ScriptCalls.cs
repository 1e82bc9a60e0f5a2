using System.Text;
using System.Text.Json.Nodes;
using LlmSpell.Runtime;
using LlmSpell.Scripting;
using LlmSpell.State.Sessions;
using LlmSpell.State.Storage;

namespace LlmSpell.State.Globals;

/// <summary>Runs store work from a script call: waits through the dispatcher and turns rule violations into <c>&lt;Api&gt;: reason</c>.</summary>
internal static class ScriptCalls
{
    public static T Run<T>(RunContext context, ScriptArgs args, Func<CancellationToken, Task<T>> work)
    {
        try
        {
            return context.Dispatcher.Run(work);
        }
        catch (StateException ex)
        {
            throw new ScriptException($"{args.Api}: {ex.Message}");
        }
        catch (SessionException ex)
        {
            throw new ScriptException($"{args.Api}: {ex.Message}");
        }
        catch (StorageException ex)
        {
            throw new ScriptException($"{args.Api}: storage error: {ex.Message}");
        }
    }

    public static T Sync<T>(ScriptArgs args, Func<T> work)
    {
        try
        {
            return work();
        }
        catch (StateException ex)
        {
            throw new ScriptException($"{args.Api}: {ex.Message}");
        }
        catch (SessionException ex)
        {
            throw new ScriptException($"{args.Api}: {ex.Message}");
        }
    }

    /// <summary>A callback's neutral result as a JSON node.</summary>
    public static JsonNode? ToNode(object? value) => value switch
    {
        null or ScriptNull => null,
        JsonNode n => n,
        bool b => JsonValue.Create(b),
        long l => JsonValue.Create(l),
        int i => JsonValue.Create((long)i),
        double d => JsonValue.Create(d),
        string s => JsonValue.Create(s),
        byte[] bytes => JsonValue.Create(Encoding.UTF8.GetString(bytes)),
        _ => throw new StateException($"cannot convert a {value.GetType().Name.ToLowerInvariant()} value to JSON"),
    };
}
