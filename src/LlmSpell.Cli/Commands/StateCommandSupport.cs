using System.CommandLine;
using LlmSpell.Cli.Hosting;
using LlmSpell.Output;
using LlmSpell.State;

namespace LlmSpell.Cli.Commands;

/// <summary>Shared plumbing of <c>backup</c> and <c>session</c>: load config, open the stores, map failures to "Error: ..." and exit 1.</summary>
internal static class StateCommandSupport
{
    public static void SetAction(Command cmd, GlobalOptions options, RunOutput output, Func<ParseResult, Configuration.LlmSpellConfig, StateRuntime, int> action) =>
        cmd.SetAction(r =>
        {
            var settings = CliSettings.From(r, options);
            var config = ConfigSupport.LoadOrReport(settings, output);
            if (config is null)
            {
                return 1;
            }

            var runtime = StorageCatalog.OpenRuntime(config);
            try
            {
                return action(r, config, runtime);
            }
            catch (Exception ex) when (ex is StateException or State.Sessions.SessionException or State.Storage.StorageException or IOException)
            {
                output.WriteStderrLine("Error: " + ex.Message);
                return 1;
            }
            finally
            {
                runtime.DisposeAsync().AsTask().GetAwaiter().GetResult();
            }
        });

    public static string Size(long bytes) => bytes switch
    {
        < 1024 => $"{bytes} B",
        < 1024 * 1024 => $"{bytes / 1024.0:0.0} KB",
        _ => $"{bytes / 1024.0 / 1024.0:0.0} MB",
    };

    public static T Wait<T>(Task<T> task) => task.GetAwaiter().GetResult();
}
