namespace LlmSpell.Security;

/// <summary>One audit event of the key store; never carries a key.</summary>
/// <param name="At">When it happened.</param>
/// <param name="Action">add, rotate, remove, use or load-env.</param>
/// <param name="Service">The service concerned.</param>
/// <param name="Detail">Extra context (for load-env the variable name), or null.</param>
public sealed record KeyAuditEvent(DateTimeOffset At, string Action, string Service, string? Detail);
