using BenchmarkDotNet.Running;

namespace LlmSpell.Benchmarks;

/// <summary>
/// BenchmarkDotNet entry point: <c>dotnet run -c Release --project bench/LlmSpell.Benchmarks -- --filter '*Binding*'</c>.
/// Whole-process timings live in bench/*.sh; results are committed under bench/results/.
/// </summary>
internal static class Program
{
    public static void Main(string[] args)
    {
        if (args is ["--layers", ..])
        {
            LayerCosts.Run(args.Length > 1 ? double.Parse(args[1], System.Globalization.CultureInfo.InvariantCulture) : 10, args.Length > 2 ? args[2] : null);
            return;
        }

        if (args is ["--profile", var what, ..])
        {
            ProfileLoop.Run(what, args.Length > 2 ? double.Parse(args[2], System.Globalization.CultureInfo.InvariantCulture) : 10);
            return;
        }

        BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
    }
}
