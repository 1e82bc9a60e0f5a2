namespace LlmSpell.Providers.Clients;

/// <summary>The rotation through a mock provider's configured responses, shared by its agents for the run.</summary>
internal sealed class MockRotation
{
    private int _next = -1;

    public int Next(int count) => (int)((uint)Interlocked.Increment(ref _next) % (uint)count);
}
