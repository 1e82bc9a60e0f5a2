using LlmSpell.Configuration;

namespace LlmSpell.Tools.Sys.Email;

/// <summary>SMTP settings from <c>[tools.email]</c> with the environment fallbacks of tools.md §5.36.</summary>
internal sealed record EmailSettings(string? Host, int Port, string? Username, string? Password, string? From, string Security, int TimeoutSeconds, int RateLimitPerMinute)
{
    public bool IsConfigured => !string.IsNullOrWhiteSpace(Host) && !string.IsNullOrWhiteSpace(From);

    public static EmailSettings Load(LlmSpellConfig config)
    {
        static string? Env(string name) => Environment.GetEnvironmentVariable(name) is { Length: > 0 } v ? v : null;
        var password = config.GetString("tools.email.smtp_password")
            ?? (config.GetString("tools.email.smtp_password_env") is { } envName ? Env(envName) : null)
            ?? Env("EMAIL_SMTP_PASSWORD");
        // The schema materialises the default 587, so the environment wins only over that default.
        var configured = (int)config.GetInt("tools.email.smtp_port", 587);
        var port = configured == 587 && int.TryParse(Env("EMAIL_SMTP_PORT"), out var envPort) ? envPort : configured;
        return new EmailSettings(
            config.GetString("tools.email.smtp_host") ?? Env("EMAIL_SMTP_HOST"),
            port,
            config.GetString("tools.email.smtp_username") ?? Env("EMAIL_SMTP_USERNAME"),
            password,
            config.GetString("tools.email.from_address") ?? Env("EMAIL_FROM"),
            (config.GetString("tools.email.security") ?? "starttls").ToLowerInvariant(),
            (int)config.GetInt("tools.email.timeout_seconds", 30),
            (int)config.GetInt("tools.email.rate_limit_per_minute", 30));
    }
}
