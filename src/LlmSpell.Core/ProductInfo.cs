namespace LlmSpell;

/// <summary>Product identity shown by --version, Config.version() and user agents.</summary>
public static class ProductInfo
{
    public const string Version = "0.8.0";

    public const string Name = "llmspell";
}
