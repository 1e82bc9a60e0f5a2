namespace LlmSpell.Cli;

internal static class Program
{
    public static int Main(string[] args)
    {
        StartupTrace.Mark("main");
        return CliApp.Run(args);
    }
}
