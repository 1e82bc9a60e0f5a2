namespace LlmSpell.Cli.Tests;
