using System.Text.Json.Nodes;

namespace LlmSpell.Agents;

/// <summary>The agent state machine of behaviours.md §2.8.</summary>
/// <remarks>Thread-safe.</remarks>
public sealed class AgentLifecycle(string agent, TimeProvider time)
{
    private readonly object _gate = new();
    private readonly JsonArray _history = [];
    private readonly Dictionary<string, double> _timeIn = new(StringComparer.Ordinal);
    private readonly DateTimeOffset _created = time.GetUtcNow();
    private DateTimeOffset _since = time.GetUtcNow();

    public string State { get; private set; } = "Ready";

    public string? LastError { get; private set; }

    public int RecoveryAttempts { get; private set; }

    public int ErrorCount { get; private set; }

    public JsonArray History
    {
        get
        {
            lock (_gate)
            {
                return (JsonArray)_history.DeepClone();
            }
        }
    }

    /// <summary>Applies an operation; raises <c>Agent '&lt;name&gt;': cannot &lt;op&gt; while &lt;State&gt;</c> when not allowed.</summary>
    public void Apply(string op, string? reason = null)
    {
        lock (_gate)
        {
            var to = (op, State) switch
            {
                ("initialize", "Uninitialized") => "Ready",
                ("start", "Ready" or "Stopped") => "Running",
                ("pause", "Running") => "Paused",
                ("resume", "Paused") => "Running",
                ("stop", "Ready" or "Running" or "Paused") => "Stopped",
                ("set_error", not "Terminated") => "Error",
                ("recover", "Error") => "Recovering",
                ("terminate", _) => "Terminated",
                _ => null,
            };
            if (to is null)
            {
                throw new AgentException($"Agent '{agent}': cannot {op} while {State}");
            }

            if (op == "set_error")
            {
                LastError = reason;
                ErrorCount++;
            }

            Move(to, reason);
            if (op == "recover")
            {
                RecoveryAttempts++;
                Move("Ready", "recovered");
            }
        }
    }

    /// <summary>Checks that execute is allowed and moves Ready → Running.</summary>
    public void BeginExecute()
    {
        lock (_gate)
        {
            if (State is not ("Ready" or "Running"))
            {
                throw new AgentException($"Agent '{agent}' cannot execute while {State}");
            }

            if (State == "Ready")
            {
                Move("Running", "execute");
            }
        }
    }

    /// <summary>Records a failed execute (state unchanged).</summary>
    public void Failed(string message)
    {
        lock (_gate)
        {
            LastError = message;
            ErrorCount++;
        }
    }

    public JsonObject Metrics()
    {
        lock (_gate)
        {
            var now = time.GetUtcNow();
            var dist = new JsonObject();
            foreach (var (k, v) in _timeIn)
            {
                dist[k] = (long)v;
            }

            dist[State] = (long)(_timeIn.GetValueOrDefault(State) + (now - _since).TotalMilliseconds);
            var m = new JsonObject
            {
                ["current_state"] = State,
                ["total_transitions"] = _history.Count,
                ["error_count"] = ErrorCount,
                ["recovery_attempts"] = RecoveryAttempts,
                ["uptime_ms"] = (long)(now - _created).TotalMilliseconds,
                ["state_time_distribution"] = dist,
            };
            if (_history.Count > 0)
            {
                m["last_transition"] = _history[^1]!.DeepClone();
            }

            return m;
        }
    }

    private void Move(string to, string? reason)
    {
        var now = time.GetUtcNow();
        var elapsed = (now - _since).TotalMilliseconds;
        _timeIn[State] = _timeIn.GetValueOrDefault(State) + elapsed;
        var entry = new JsonObject { ["from"] = State, ["to"] = to, ["timestamp"] = now.ToString("O"), ["elapsed_ms"] = (long)elapsed };
        if (reason is not null)
        {
            entry["reason"] = reason;
        }

        _history.Add((JsonNode)entry);
        State = to;
        _since = now;
    }
}
