using LlmSpell.Providers;
using LlmSpell.Tools;

namespace LlmSpell.Agents;

/// <summary>
/// The run's agents by name, in creation order (behaviours.md §2.1), and the build validation of
/// globals.md §1.2 (no network call, behaviours.md §1.5).
/// </summary>
/// <remarks>Thread-safe.</remarks>
public sealed class AgentRegistry(ProviderHub hub, Func<IToolInvoker?> tools)
{
    private readonly object _gate = new();
    private readonly List<LlmAgent> _agents = [];

    public ProviderHub Hub => hub;

    public IToolInvoker? Tools => tools();

    public IReadOnlyList<LlmAgent> All
    {
        get
        {
            lock (_gate)
            {
                return [.. _agents];
            }
        }
    }

    public LlmAgent? Get(string name)
    {
        lock (_gate)
        {
            return _agents.FirstOrDefault(a => a.Name == name);
        }
    }

    public bool Remove(string name)
    {
        lock (_gate)
        {
            var a = _agents.FirstOrDefault(x => x.Name == name);
            if (a is null)
            {
                return false;
            }

            a.Lifecycle.Apply("terminate", "destroyed");
            a.Destroyed = true;
            return _agents.Remove(a);
        }
    }

    /// <summary>Creates a composite agent over existing members (globals.md §1.1 Agent.create_composite).</summary>
    public LlmAgent BuildComposite(string name, IReadOnlyList<string> memberNames, string mode, string description)
    {
        if (mode is not ("sequential" or "parallel"))
        {
            throw new AgentException($"Agent.create_composite: mode must be \"sequential\" or \"parallel\", got '{mode}'");
        }

        var members = memberNames.Select(n => Get(n) ?? throw new AgentException($"Agent.create_composite: agent '{n}' not found")).ToList();
        var agent = new LlmAgent(new AgentConfig { Name = name, Type = "composite", Description = description }, name, null, null, hub, tools())
        {
            Composite = (members, mode),
        };
        lock (_gate)
        {
            if (_agents.Any(a => a.Name == name))
            {
                throw new AgentException($"Agent build failed: an agent named '{name}' already exists");
            }

            _agents.Add(agent);
        }

        return agent;
    }

    /// <summary>Validates and registers an agent; throws <see cref="AgentException"/> with the spec's build messages.</summary>
    public LlmAgent Build(AgentConfig config)
    {
        const string F = "Agent build failed: ";
        var name = config.Name ?? "agent_" + Guid.NewGuid().ToString("N")[..8];
        if (config.Type is not ("llm" or "basic" or "tool-orchestrator"))
        {
            throw new AgentException($"{F}unknown agent type '{config.Type}'");
        }

        if (Get(name) is not null)
        {
            throw new AgentException($"{F}an agent named '{name}' already exists");
        }

        var invoker = tools();
        foreach (var t in config.AllowedTools)
        {
            if (invoker?.Find(t) is null)
            {
                throw new AgentException($"{F}allowed tool '{t}' does not exist");
            }
        }

        if (config.Type == "tool-orchestrator" && config.AllowedTools.Count == 0)
        {
            throw new AgentException($"{F}a tool-orchestrator agent needs at least one allowed tool");
        }

        LlmAgent agent;
        if (config.Type == "basic")
        {
            agent = new LlmAgent(config, name, null, null, hub, invoker);
        }
        else
        {
            var resolver = hub.Resolver;
            var target = resolver.ResolveModel(config.Provider, config.Model);
            var settings = resolver.Find(target.Provider)
                ?? throw new AgentException($"{F}unknown provider '{target.Provider}' (known providers: {string.Join(", ", resolver.KnownNames)})");
            if (!settings.Enabled)
            {
                throw new AgentException($"{F}provider '{settings.Name}' is disabled in the config");
            }

            var model = target.Model ?? settings.DefaultModel
                ?? throw new AgentException($"{F}no model specified; call :model(\"provider/model\") or set providers.{settings.Name}.default_model");
            if (config.BaseUrl is { Length: > 0 } baseUrl)
            {
                settings = settings with
                {
                    BaseUrl = baseUrl.TrimEnd('/'),
                    KeyRequired = settings.KeyRequired && settings.Protocol != "openai",
                };
            }

            if (config.ApiKey is { Length: > 0 } key)
            {
                settings = settings with { ApiKey = key, KeyStoreService = null };
            }

            if (!settings.HasCredentials)
            {
                var storeProblem = resolver.StoredKeyProblem is { } p ? $" ({p})" : "";
                throw new AgentException($"{F}provider '{settings.Name}' has no API key; set the {settings.KeyVariable} environment variable or providers.{settings.Name}.api_key in the config, or run 'llmspell keys add {settings.Name} <key>'{storeProblem}");
            }

            if (settings.KeyStoreService is { } stored)
            {
                resolver.RecordStoredKeyUse(stored);
            }

            agent = new LlmAgent(config, name, settings, model, hub, invoker);
            hub.MarkUsed(settings.Name, model);
        }

        lock (_gate)
        {
            if (_agents.Any(a => a.Name == name))
            {
                throw new AgentException($"{F}an agent named '{name}' already exists");
            }

            _agents.Add(agent);
        }

        return agent;
    }
}
