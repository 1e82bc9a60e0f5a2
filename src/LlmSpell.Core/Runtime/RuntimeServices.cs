namespace LlmSpell.Runtime;

/// <summary>
/// The services of one run, created on first use. A deliberately tiny container: a run needs a
/// dozen singletons, and the process starts for every script, so start-up cost matters more
/// than container features (Microsoft.Extensions.DependencyInjection adds measurable start-up time).
/// </summary>
/// <remarks>Thread-safe.</remarks>
public sealed class RuntimeServices
{
    private readonly object _gate = new();
    private readonly Dictionary<Type, Func<RuntimeServices, object>> _factories = [];
    private readonly Dictionary<Type, object> _instances = [];

    /// <summary>Registers a lazily created singleton (a later registration replaces an earlier one).</summary>
    public void Add<T>(Func<RuntimeServices, T> factory)
        where T : class
    {
        lock (_gate)
        {
            _factories[typeof(T)] = s => factory(s);
            _instances.Remove(typeof(T));
        }
    }

    /// <summary>Registers an existing instance.</summary>
    public void AddInstance<T>(T instance)
        where T : class
    {
        lock (_gate)
        {
            _instances[typeof(T)] = instance;
        }
    }

    /// <summary>True when a service of this type is registered.</summary>
    public bool Has<T>()
    {
        lock (_gate)
        {
            return _instances.ContainsKey(typeof(T)) || _factories.ContainsKey(typeof(T));
        }
    }

    /// <summary>Gets (creating on first use) a registered service.</summary>
    /// <exception cref="InvalidOperationException">Nothing is registered for <typeparamref name="T"/>.</exception>
    public T Get<T>()
        where T : class => TryGet<T>() ?? throw new InvalidOperationException($"no service registered for {typeof(T).Name}");

    /// <summary>Gets a service, or null when none is registered.</summary>
    public T? TryGet<T>()
        where T : class
    {
        Func<RuntimeServices, object>? factory;
        lock (_gate)
        {
            if (_instances.TryGetValue(typeof(T), out var existing))
            {
                return (T)existing;
            }

            if (!_factories.TryGetValue(typeof(T), out factory))
            {
                return null;
            }
        }

        var created = (T)factory(this);
        lock (_gate)
        {
            if (_instances.TryGetValue(typeof(T), out var raced))
            {
                return (T)raced;
            }

            _instances[typeof(T)] = created;
        }

        return created;
    }

    /// <summary>Instances created so far (for disposal at shutdown).</summary>
    public IReadOnlyList<object> Created
    {
        get
        {
            lock (_gate)
            {
                return [.. _instances.Values];
            }
        }
    }
}
