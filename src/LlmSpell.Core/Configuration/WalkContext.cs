namespace LlmSpell.Configuration;

/// <summary>State of one configuration load: where keys were written, the environment, and the messages collected.</summary>
internal sealed record WalkContext(
    string Source,
    Dictionary<string, (int Line, int Column)> Positions,
    IReadOnlyDictionary<string, string> Environment,
    List<string> Warnings,
    List<string> Errors)
{
    public string Where(string path)
    {
        var probe = path;
        while (probe.Length > 0)
        {
            if (Positions.TryGetValue(probe, out var p))
            {
                return $"{Source}:{p.Line}:{p.Column}";
            }

            var dot = probe.LastIndexOf('.');
            probe = dot < 0 ? "" : probe[..dot];
        }

        return Source;
    }
}
