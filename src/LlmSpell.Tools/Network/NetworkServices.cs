using LlmSpell.Tools.Infrastructure;

namespace LlmSpell.Tools.Network;

/// <summary>Finds (registering on first use) the run's shared <see cref="HttpGateway"/> in the service bag.</summary>
internal static class NetworkServices
{
    public static HttpGateway Gateway(ToolServices services)
    {
        lock (services.Services)
        {
            if (!services.Services.Has<HttpGateway>())
            {
                var config = services.Config;
                var time = services.Time;
                services.Services.Add(_ => new HttpGateway(config, time));
            }
        }

        return services.Services.Get<HttpGateway>();
    }
}
