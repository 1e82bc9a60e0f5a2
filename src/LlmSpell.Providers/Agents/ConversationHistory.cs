namespace LlmSpell.Agents;

/// <summary>
/// An agent's user/assistant turns, trimmed to a window of whole pairs (behaviours.md §2.2).
/// </summary>
/// <remarks>Not thread-safe; the agent serialises access.</remarks>
public sealed class ConversationHistory(int window)
{
    private readonly List<(string Role, string Content)> _turns = [];

    public int Window { get; } = Math.Max(0, window);

    public IReadOnlyList<(string Role, string Content)> Turns => _turns;

    public int Count => _turns.Count;

    /// <summary>The most recent whole pairs whose message count fits the window.</summary>
    public IReadOnlyList<(string Role, string Content)> ForRequest()
    {
        var keep = Window - (Window % 2);
        return keep <= 0 ? [] : _turns.Count <= keep ? [.. _turns] : [.. _turns.Skip(_turns.Count - keep)];
    }

    public void Append(string user, string assistant)
    {
        _turns.Add(("user", user));
        _turns.Add(("assistant", assistant));
        Trim();
    }

    public void Replace(IEnumerable<(string Role, string Content)> turns)
    {
        _turns.Clear();
        _turns.AddRange(turns);
        Trim();
    }

    public void Clear() => _turns.Clear();

    private void Trim()
    {
        if (_turns.Count > Window)
        {
            _turns.RemoveRange(0, _turns.Count - Window);
        }
    }
}
