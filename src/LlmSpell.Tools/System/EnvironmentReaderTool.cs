using System.Collections;
using System.Text.Json.Nodes;
using LlmSpell.Components;
using LlmSpell.Security;
using LlmSpell.Tools.Infrastructure;

namespace LlmSpell.Tools.Sys;

/// <summary>environment_reader (tools.md §5.22): reads (and optionally sets) variables under the environment policy (§2.4).</summary>
internal sealed class EnvironmentReaderTool(ToolServices services) : ITool
{
    private const int ListLimit = 100;
    private static readonly string[] Operations = ["get", "list", "pattern", "set"];

    public ToolDescriptor Descriptor { get; } = new()
    {
        Name = "environment_reader",
        Description = "Read environment variables allowed by the environment policy",
        Category = "system",
        SecurityLevel = "restricted",
        Parameters =
        [
            Param.Enum("operation", "what to do", Operations, required: true),
            Param.Str("variable_name", "variable for get/set", aliases: ["name"]),
            Param.Str("pattern", "glob (* wildcard) for pattern; optional filter for list"),
            Param.Str("value", "value for set"),
        ],
    };

    public Task<ComponentOutput> ExecuteAsync(ToolRequest request, CancellationToken cancellationToken)
    {
        var op = SysText.Operation(request, Operations);
        return Task.FromResult(op switch
        {
            "get" => Get(request.RequireString("variable_name")),
            "set" => Set(request.RequireString("variable_name"), request.RequireString("value")),
            "pattern" => Pattern(request.RequireString("pattern")),
            _ => List(request.String("pattern")),
        });
    }

    private ComponentOutput Get(string name)
    {
        var policy = services.Environment;
        if (policy.IsBlocked(name))
        {
            throw ToolFailureException.Security($"access to environment variable '{name}' is not permitted");
        }

        var value = policy.IsVisible(name) ? Environment.GetEnvironmentVariable(name) : null;
        var result = new JsonObject { ["variable_name"] = name };
        if (value is not null)
        {
            result["value"] = value;
        }

        result["found"] = value is not null;
        var message = value is null ? $"Environment variable '{name}' not found" : $"Environment variable '{name}' found";
        return Envelope.Success("get", message, result);
    }

    private ComponentOutput Set(string name, string value)
    {
        if (!services.Config.GetBool("tools.system.allow_env_set"))
        {
            throw ToolFailureException.Security("setting environment variables is disabled (tools.system.allow_env_set = false)");
        }

        if (services.Environment.IsBlocked(name))
        {
            throw ToolFailureException.Security($"access to environment variable '{name}' is not permitted");
        }

        Environment.SetEnvironmentVariable(name, value);
        return Envelope.Success("set", $"Environment variable '{name}' set", new JsonObject { ["variable_name"] = name, ["set"] = true });
    }

    private ComponentOutput Pattern(string pattern)
    {
        var variables = Visible(pattern);
        var result = new JsonObject { ["pattern"] = pattern, ["variables"] = variables, ["count"] = variables.Count };
        return Envelope.Success("pattern", $"Found {variables.Count} environment variables matching '{pattern}'", result);
    }

    private ComponentOutput List(string? pattern)
    {
        var variables = Visible(pattern);
        return Envelope.Success("list", $"Found {variables.Count} environment variables", new JsonObject { ["variables"] = variables, ["count"] = variables.Count });
    }

    private JsonObject Visible(string? pattern)
    {
        var names = new SortedDictionary<string, string>(StringComparer.Ordinal);
        foreach (DictionaryEntry entry in Environment.GetEnvironmentVariables())
        {
            var name = (string)entry.Key;
            if (services.Environment.IsVisible(name) && (pattern is null || Glob.Matches(pattern, name, ignoreCase: true)))
            {
                names[name] = entry.Value as string ?? string.Empty;
            }
        }

        var map = new JsonObject();
        foreach (var (name, value) in names.Take(ListLimit))
        {
            map[name] = value;
        }

        return map;
    }
}
