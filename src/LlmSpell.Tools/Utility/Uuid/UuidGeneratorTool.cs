using System.Globalization;
using System.Text.Json.Nodes;
using LlmSpell.Components;
using LlmSpell.Tools.Infrastructure;

namespace LlmSpell.Tools.Utility.Uuid;

/// <summary>uuid_generator (tools.md §5.9).</summary>
internal sealed class UuidGeneratorTool(ToolServices services) : ITool
{
    private static readonly Guid LlmSpellNamespace = UuidFactory.V5(UuidFactory.Dns, "llmspell");

    public ToolDescriptor Descriptor { get; } = new()
    {
        Name = "uuid_generator",
        Description = "Generates, formats and validates UUIDs (v1, v4, v5, v7) and component ids",
        Category = "utility",
        Parameters =
        [
            new("operation", "string", "generate, component_id, deterministic, custom or validate", Default: "generate",
                Enum: ["generate", "component_id", "deterministic", "custom", "validate"]),
            new("version", "string", "v1, v4, v5 or v7", Default: "v4"),
            new("format", "string", "hyphenated (alias standard), simple, urn or braced", Default: "hyphenated"),
            new("namespace", "string", "dns, url, oid, x500 or a UUID (v5)", Default: "dns"),
            new("name", "string", "Name for v5 and deterministic ids"),
            new("count", "integer", "How many UUIDs to generate (1..1000)", Default: 1L),
            new("prefix", "string", "Prefix for component_id and custom", Default: "component"),
            new("short", "boolean", "Use the first 8 hex characters", Default: false),
            new("timestamp", "boolean", "custom: include Unix seconds", Default: false),
            new("suffix", "string", "custom: suffix"),
            new("uuid", "string", "UUID to validate"),
        ],
    };

    public Task<ComponentOutput> ExecuteAsync(ToolRequest request, CancellationToken cancellationToken) =>
        Task.FromResult(request.Operation switch
        {
            "component_id" => ComponentId(request),
            "deterministic" => Deterministic(request),
            "custom" => Custom(request),
            "validate" => Validate(request),
            _ => Generate(request),
        });

    private ComponentOutput Generate(ToolRequest request)
    {
        var version = Version(request.String("version")!);
        var format = Format(request.String("format")!);
        var count = request.Integer("count") ?? 1;
        if (count is < 1 or > 1000)
        {
            throw ToolFailureException.InvalidParameters($"parameter 'count': must be between 1 and 1000, got {count}");
        }

        Guid? ns = version == "v5" ? Namespace(request.String("namespace")!) : null;
        var name = version == "v5" ? request.String("name") ?? throw ToolFailureException.InvalidParameters("missing required parameter 'name' (required for v5)") : null;
        var uuids = new List<string>();
        for (var i = 0; i < count; i++)
        {
            var now = services.Time.GetUtcNow();
            var g = version switch
            {
                "v1" => UuidFactory.V1(now),
                "v5" => UuidFactory.V5(ns!.Value, name!),
                "v7" => UuidFactory.V7(now),
                _ => UuidFactory.V4(),
            };
            uuids.Add(UuidFactory.Format(g, format));
        }

        var result = new JsonObject { ["uuid"] = uuids[0], ["version"] = version, ["format"] = format };
        if (count > 1)
        {
            result["uuids"] = new JsonArray([.. uuids.Select(u => (JsonNode)JsonValue.Create(u))]);
        }

        return Envelope.Success("generate", count > 1 ? $"Generated {count} UUIDs" : "Generated UUID", result);
    }

    private static ComponentOutput ComponentId(ToolRequest request)
    {
        var prefix = request.String("prefix")!;
        var isShort = request.Flag("short");
        var simple = UuidFactory.V4().ToString("N");
        var id = $"{prefix}_{(isShort ? simple[..8] : simple)}";
        return Envelope.Success("component_id", "Generated component id", new JsonObject { ["id"] = id, ["prefix"] = prefix, ["short"] = isShort });
    }

    private static ComponentOutput Deterministic(ToolRequest request)
    {
        var name = request.String("name") ?? throw ToolFailureException.InvalidParameters("missing required parameter 'name'");
        var id = UuidFactory.Format(UuidFactory.V5(LlmSpellNamespace, name), Format(request.String("format")!));
        return Envelope.Success("deterministic", "Generated deterministic UUID", new JsonObject
        {
            ["id"] = id,
            ["namespace"] = LlmSpellNamespace.ToString("D"),
            ["name"] = name,
        });
    }

    private ComponentOutput Custom(ToolRequest request)
    {
        var isShort = request.Flag("short");
        var simple = UuidFactory.V4().ToString("N");
        var parts = new List<string> { request.String("prefix")! };
        var result = new JsonObject();
        if (request.Flag("timestamp"))
        {
            var ts = services.Time.GetUtcNow().ToUnixTimeSeconds();
            parts.Add(ts.ToString(CultureInfo.InvariantCulture));
            result["timestamp"] = ts;
        }

        parts.Add(isShort ? simple[..8] : simple);
        if (request.String("suffix") is { Length: > 0 } suffix)
        {
            parts.Add(suffix);
        }

        result["id"] = string.Join('_', parts);
        result["short"] = isShort;
        return Envelope.Success("custom", "Generated custom id", Reorder(result, "id"));
    }

    private static ComponentOutput Validate(ToolRequest request)
    {
        var text = request.String("uuid") ?? throw ToolFailureException.InvalidParameters("missing required parameter 'uuid'");
        var candidate = text.Trim();
        if (candidate.StartsWith("urn:uuid:", StringComparison.OrdinalIgnoreCase))
        {
            candidate = candidate[9..];
        }

        if (!Guid.TryParse(candidate, out var g))
        {
            return Envelope.Success("validate", "UUID is invalid", new JsonObject { ["valid"] = false, ["uuid"] = text, ["error"] = $"'{text}' is not a valid UUID" });
        }

        return Envelope.Success("validate", "UUID is valid", new JsonObject
        {
            ["valid"] = true,
            ["uuid"] = g.ToString("D"),
            ["version"] = UuidFactory.VersionOf(g),
            ["variant"] = UuidFactory.VariantOf(g),
        });
    }

    private static string Version(string v) => v.Trim().ToLowerInvariant() switch
    {
        "v1" or "1" => "v1",
        "v4" or "4" => "v4",
        "v5" or "5" => "v5",
        "v7" or "7" => "v7",
        _ => throw ToolFailureException.InvalidParameters($"parameter 'version': expected one of v1, v4, v5, v7, got '{v}'"),
    };

    private static string Format(string f) => f.Trim().ToLowerInvariant() switch
    {
        "hyphenated" or "standard" => "hyphenated",
        "simple" => "simple",
        "urn" => "urn",
        "braced" => "braced",
        _ => throw ToolFailureException.InvalidParameters($"parameter 'format': expected one of hyphenated, simple, urn, braced, got '{f}'"),
    };

    private static Guid Namespace(string ns) => ns.Trim().ToLowerInvariant() switch
    {
        "dns" => UuidFactory.Dns,
        "url" => UuidFactory.Url,
        "oid" => UuidFactory.Oid,
        "x500" => UuidFactory.X500,
        var other when Guid.TryParse(other, out var g) => g,
        _ => throw ToolFailureException.InvalidParameters($"parameter 'namespace': invalid namespace '{ns}' (expected dns, url, oid, x500 or a UUID)"),
    };

    private static JsonObject Reorder(JsonObject o, string first)
    {
        var copy = new JsonObject { [first] = o[first]?.DeepClone() };
        foreach (var (k, v) in o.Where(kv => kv.Key != first))
        {
            copy[k] = v?.DeepClone();
        }

        return copy;
    }
}
