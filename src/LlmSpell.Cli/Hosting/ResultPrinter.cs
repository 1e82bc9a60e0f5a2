using LlmSpell.Output;
using LlmSpell.Runtime;
using LlmSpell.Values;

namespace LlmSpell.Cli.Hosting;

/// <summary>Prints the script result per --output (cli-and-config.md §3.1).</summary>
internal static class ResultPrinter
{
    public static void Print(ScriptRunResult r, string mode, RunOutput output, RunContext context, TimeSpan elapsed)
    {
        switch (mode)
        {
            case "json":
                output.WriteStdoutLine(JsonText.Pretty(r.HasResult ? r.Result : null));
                break;
            case "pretty":
                var printed = output.PrintedLines;
                if (printed.Count > 0)
                {
                    output.WriteStdoutLine("Console Output:");
                    foreach (var line in printed)
                    {
                        output.WriteStdoutLine("  " + line);
                    }
                }

                output.WriteStdoutLine("");
                output.WriteStdoutLine("Output: " + JsonText.Pretty(r.HasResult ? r.Result : null));
                output.WriteStdoutLine("Engine: lua");
                output.WriteStdoutLine($"Execution time: {(long)elapsed.TotalMilliseconds}ms");
                if (context.Warnings.Count > 0)
                {
                    output.WriteStdoutLine("Warnings:");
                    foreach (var w in context.Warnings)
                    {
                        output.WriteStdoutLine("  - " + w);
                    }
                }

                break;
            default:
                if (r.HasResult)
                {
                    output.WriteStdoutLine(JsonValues.AsString(r.Result) ?? JsonText.Compact(r.Result));
                }

                break;
        }

        output.Flush();
    }
}
