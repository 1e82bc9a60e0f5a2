using System.Text.Json.Nodes;
using LlmSpell.Values;

namespace LlmSpell.Providers.Usage;

/// <summary>
/// USD prices per million input/output tokens by model prefix (longest match wins). Defaults cover
/// common models; <c>providers.&lt;n&gt;.prices = { "model" = { input = 0.15, output = 0.6 } }</c>
/// overrides them. Unknown models (local, mock) cost nothing.
/// </summary>
public sealed class PriceTable
{
    private static readonly Dictionary<string, (double Input, double Output)> Defaults = new(StringComparer.OrdinalIgnoreCase)
    {
        ["gpt-4o-mini"] = (0.15, 0.60),
        ["gpt-4o"] = (2.50, 10.00),
        ["gpt-4.1-nano"] = (0.10, 0.40),
        ["gpt-4.1-mini"] = (0.40, 1.60),
        ["gpt-4.1"] = (2.00, 8.00),
        ["gpt-4-turbo"] = (10.00, 30.00),
        ["gpt-3.5-turbo"] = (0.50, 1.50),
        ["gpt-5-nano"] = (0.05, 0.40),
        ["gpt-5-mini"] = (0.25, 2.00),
        ["gpt-5"] = (1.25, 10.00),
        ["o1-mini"] = (1.10, 4.40),
        ["o1"] = (15.00, 60.00),
        ["o3-mini"] = (1.10, 4.40),
        ["o3"] = (2.00, 8.00),
        ["o4-mini"] = (1.10, 4.40),
        ["claude-3-5-haiku"] = (0.80, 4.00),
        ["claude-3-haiku"] = (0.25, 1.25),
        ["claude-3-5-sonnet"] = (3.00, 15.00),
        ["claude-3-7-sonnet"] = (3.00, 15.00),
        ["claude-sonnet-4"] = (3.00, 15.00),
        ["claude-3-opus"] = (15.00, 75.00),
        ["claude-opus-4"] = (15.00, 75.00),
    };

    private readonly Dictionary<string, (double Input, double Output)> _prices;

    // Prefix matches resolved once per model name (a run uses few models; every execute prices twice).
    private readonly System.Collections.Concurrent.ConcurrentDictionary<string, (double Input, double Output)?> _resolved = new(StringComparer.OrdinalIgnoreCase);

    public PriceTable(JsonObject? overrides = null)
    {
        _prices = new(Defaults, StringComparer.OrdinalIgnoreCase);
        foreach (var (model, value) in overrides ?? [])
        {
            if (value is JsonObject p)
            {
                var current = _prices.GetValueOrDefault(model);
                _prices[model] = (JsonValues.AsDouble(p["input"]) ?? current.Input, JsonValues.AsDouble(p["output"]) ?? current.Output);
            }
        }
    }

    /// <summary>Prices for a model, or null when none is known.</summary>
    public (double Input, double Output)? For(string? model)
    {
        if (string.IsNullOrEmpty(model))
        {
            return null;
        }

        return _resolved.GetOrAdd(model, static (m, prices) => Resolve(prices, m), _prices);
    }

    private static (double Input, double Output)? Resolve(Dictionary<string, (double Input, double Output)> prices, string model)
    {
        if (prices.TryGetValue(model, out var exact))
        {
            return exact;
        }

        var matches = prices.Where(kv => model.StartsWith(kv.Key, StringComparison.OrdinalIgnoreCase)).ToList();
        return matches.Count == 0 ? null : matches.MaxBy(kv => kv.Key.Length).Value;
    }

    /// <summary>Cost in USD of a call.</summary>
    public double Cost(string? model, long promptTokens, long completionTokens) =>
        For(model) is { } p ? ((promptTokens * p.Input) + (completionTokens * p.Output)) / 1_000_000.0 : 0;
}
