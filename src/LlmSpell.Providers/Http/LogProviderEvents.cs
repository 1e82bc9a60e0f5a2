using System.Text.Json.Nodes;
using LlmSpell.Values;

namespace LlmSpell.Providers.Http;

/// <summary>Writes provider events as debug lines (visible with -v) and keeps them for tests and diagnostics.</summary>
public sealed class LogProviderEvents(Action<string>? log = null) : IProviderEvents
{
    private readonly List<(string Name, JsonObject Data)> _events = [];

    /// <summary>Events published so far, oldest first.</summary>
    public IReadOnlyList<(string Name, JsonObject Data)> Events
    {
        get
        {
            lock (_events)
            {
                return [.. _events];
            }
        }
    }

    public void Publish(string name, JsonObject data)
    {
        lock (_events)
        {
            _events.Add((name, data));
        }

        log?.Invoke($"{name} {JsonText.Compact(data)}");
    }
}
