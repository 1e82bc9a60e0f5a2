using System.Runtime.InteropServices;

namespace LlmSpell.Cli.Tests;

/// <summary>Sends POSIX signals to child processes (Process.Kill only sends SIGKILL).</summary>
internal static partial class Syscall
{
    public const int Sigint = 2;
    public const int Sigterm = 15;

    public static void Kill(int pid, int signal) => _ = KillNative(pid, signal);

    [LibraryImport("libc", EntryPoint = "kill")]
    private static partial int KillNative(int pid, int sig);
}
