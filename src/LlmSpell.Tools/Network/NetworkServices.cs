using LlmSpell.Tools.Infrastructure;

namespace LlmSpell.Tools.Network;

/// <summary>Finds (registering on first use) the run's shared web-tool services, above all the <see cref="HttpGateway"/>.</summary>
internal static class NetworkServices
{
    public static HttpGateway Gateway(ToolServices services) => Shared(services, s => new HttpGateway(s.Config, s.Time));

    /// <summary>
    /// A per-run singleton of the web tools (circuit breakers, schema cache, search rate limit):
    /// tool instances may be created more than once per run, the state must not be.
    /// </summary>
    public static T Shared<T>(ToolServices services, Func<ToolServices, T> create)
        where T : class
    {
        lock (services.Services)
        {
            if (!services.Services.Has<T>())
            {
                services.Services.Add(_ => create(services));
            }
        }

        return services.Services.Get<T>();
    }
}
