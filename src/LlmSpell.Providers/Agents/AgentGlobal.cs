using System.Text.Json.Nodes;
using LlmSpell.Scripting;
using LlmSpell.Values;

namespace LlmSpell.Agents;

/// <summary>The <c>Agent</c> global (globals.md §1.1).</summary>
internal sealed class AgentGlobal(AgentScriptContext ctx) : IScriptGlobal
{
    private static readonly string[] Types = ["llm", "basic", "tool-orchestrator"];

    public GlobalDefinition Define()
    {
        var g = new GlobalDefinition("Agent");
        g.Function("builder", _ => new AgentBuilderObject(ctx));
        g.Function("create", a => ctx.Wrap(ctx.Build(FromTable(a.Object(0, "config"), a.Api))));
        g.Function("register", a => Register(a));
        g.Function("get", a => ctx.Registry.Get(a.String(0, "name")) is { } agent ? ctx.Wrap(agent) : null);
        g.Function("remove", a => ctx.Registry.Remove(a.String(0, "name")));
        g.Function("list", _ => new JsonArray([.. ctx.Registry.All.Select(x => (JsonNode?)new JsonObject
        {
            ["name"] = x.Name, ["description"] = x.Config.Description, ["type"] = x.Type,
            ["provider"] = x.Settings?.Name, ["model"] = x.Model, ["state"] = x.Lifecycle.State,
        })]));
        g.Function("list_instances", _ => new JsonArray([.. ctx.Registry.All.Select(x => (JsonNode?)x.Name)]));
        g.Function("get_info", a => GetInfo(a.String(0, "name")));
        g.Function("discover", a =>
        {
            var type = JsonValues.AsString(a.OptObject(0, "filter")?["type"]);
            return new JsonArray([.. Types.Where(t => type is null || t == type)
                .Select(t => (JsonNode?)new JsonObject { ["type"] = t, ["description"] = "Agent type: " + t })]);
        });
        g.Function("list_templates", _ => new JsonArray([.. Types.Select(t => (JsonNode?)t)]));
        g.Function("create_from_template", a =>
        {
            var template = a.String(1, "template");
            if (!Types.Contains(template))
            {
                throw new ScriptException($"Agent.create_from_template: unknown template '{template}'");
            }

            var cfg = FromTable(a.OptObject(2, "params") ?? [], a.Api);
            cfg.Name = a.String(0, "name");
            cfg.Type = template;
            return ctx.Wrap(ctx.Build(cfg));
        });
        g.Function("list_capabilities", _ => new JsonObject(ctx.Registry.All.Select(x =>
            KeyValuePair.Create(x.Name, (JsonNode?)new JsonArray([.. x.Config.Capabilities.Select(c => (JsonNode?)c)])))));
        g.Function("discover_by_capability", a => new JsonArray([.. ctx.Registry.All
            .Where(x => x.Config.Capabilities.Contains(a.String(0, "capability"))).Select(x => (JsonNode?)x.Name)]));
        g.Function("create_composite", a =>
        {
            var cfg = a.OptObject(2, "config") ?? [];
            var names = (a.Table(1, "agent_names") as JsonArray ?? []).Select(x => JsonValues.AsString(x) ?? "").ToList();
            try
            {
                return ctx.Wrap(ctx.Registry.BuildComposite(a.String(0, "name"), names,
                    JsonValues.AsString(cfg["mode"]) ?? "sequential", JsonValues.AsString(cfg["description"]) ?? ""));
            }
            catch (AgentException ex)
            {
                throw new ScriptException(ex.Message);
            }
        });
        g.Function("get_hierarchy", a => Hierarchy(Find(a, "Agent.get_hierarchy")));
        g.Function("wrap_as_tool", a => AgentTool.Wrap(a, ctx.Registry, ctx.ToolRegistrar));
        g.Function("get_details", a =>
        {
            var obj = ctx.Wrap(Find(a, "Agent.get_details"));
            var info = obj.Info();
            info["metrics"] = obj.Agent.Metrics.ToJson(obj.Agent.Id);
            return info;
        });
        DefineContexts(g);
        return g;
    }

    private void DefineContexts(GlobalDefinition g)
    {
        g.Function("create_context", a =>
        {
            var cfg = a.OptObject(0, "config") ?? [];
            return ctx.Contexts.Create(cfg["data"] as JsonObject);
        });
        g.Function("create_child_context", a =>
        {
            var parent = a.String(0, "parent_id");
            if (!ctx.Contexts.Exists(parent))
            {
                throw new ScriptException($"Agent.create_child_context: parent context '{parent}' not found");
            }

            return ctx.Contexts.Create(null, parent, a.OptString(2, "inheritance") ?? "inherit");
        });
        g.Function("update_context", a =>
        {
            var id = Context(a, "Agent.update_context");
            ctx.Contexts.Set(id, a.String(1, "key"), a.Value(2, "value"));
            return null;
        });
        g.Function("get_context_data", a => ctx.Contexts.Get(Context(a, "Agent.get_context_data"), a.String(1, "key")));
        g.Function("remove_context", a => ctx.Contexts.Remove(a.String(0, "id")));
        g.Function("set_shared_memory", a =>
        {
            ctx.Contexts.SetShared(JsonText.Compact(a.Value(0, "scope")), a.String(1, "key"), a.Value(2, "value"));
            return null;
        });
        g.Function("get_shared_memory", a => ctx.Contexts.GetShared(JsonText.Compact(a.Value(0, "scope")), a.String(1, "key")));
    }

    private static JsonObject Hierarchy(LlmAgent x) => new()
    {
        ["name"] = x.Name,
        ["type"] = x.Type,
        ["children"] = new JsonArray([.. (x.Composite?.Agents ?? []).Select(c => (JsonNode?)Hierarchy(c))]),
    };

    private string Context(ScriptArgs a, string api)
    {
        var id = a.String(0, "id");
        return ctx.Contexts.Exists(id) ? id : throw new ScriptException($"{api}: context '{id}' not found");
    }

    private LlmAgent Find(ScriptArgs a, string api)
    {
        var name = a.String(0, "name");
        return ctx.Registry.Get(name) ?? throw new ScriptException($"{api}: agent '{name}' not found");
    }

    private object GetInfo(string name)
    {
        if (ctx.Registry.Get(name) is { } agent)
        {
            return ctx.Wrap(agent).Info();
        }

        if (Types.Contains(name))
        {
            return new JsonObject
            {
                ["name"] = name, ["description"] = "Agent type: " + name, ["category"] = "agent", ["complexity"] = "standard",
                ["required_parameters"] = new JsonArray("name"),
                ["optional_parameters"] = new JsonArray("model_config", "resource_limits", "creation_hooks"),
            };
        }

        throw new ScriptException($"Agent.get_info: no agent or agent type named '{name}'");
    }

    private object Register(ScriptArgs a)
    {
        var t = a.Object(0, "config");
        var flat = new JsonObject();
        foreach (var (k, v) in t)
        {
            if (k == "model" && v is JsonObject m)
            {
                flat["provider"] = m["provider"]?.DeepClone();
                flat["model"] = m["model_id"]?.DeepClone() ?? m["model"]?.DeepClone();
                flat["temperature"] ??= m["temperature"]?.DeepClone();
                flat["max_tokens"] ??= m["max_tokens"]?.DeepClone();
                flat["base_url"] = (m["settings"] as JsonObject)?["base_url"]?.DeepClone();
                flat["api_key"] = (m["settings"] as JsonObject)?["api_key"]?.DeepClone();
            }
            else
            {
                flat[k == "agent_type" ? "type" : k] = v?.DeepClone();
            }
        }

        try
        {
            return ctx.Build(FromTable(flat, a.Api)).Name;
        }
        catch (ScriptException ex)
        {
            throw new ScriptException("Agent.register: " + ex.Message);
        }
    }

    private static AgentConfig FromTable(JsonObject table, string api)
    {
        var c = new AgentConfig();
        foreach (var (k, v) in table)
        {
            if (v is null)
            {
                continue;
            }

            AgentConfigKeys.Apply(c, k == "agent_type" ? "type" : k, v,
                expected => new ScriptException($"{api}: field '{k}': expected {expected}, got {JsonValues.ScriptTypeName(v)}"),
                reason => new ScriptException($"{api}: {reason}"));
        }

        return c;
    }
}
