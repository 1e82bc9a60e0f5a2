using LlmSpell.Configuration;
using LlmSpell.TestUtilities;

namespace LlmSpell.Tools.Tests.Network;

/// <summary>Configuration from TOML text, through the same loader tools use.</summary>
internal static class ToolTestServicesConfig
{
    public static LlmSpellConfig Load(string toml) => ToolTestServices.Create(toml).Config;
}
