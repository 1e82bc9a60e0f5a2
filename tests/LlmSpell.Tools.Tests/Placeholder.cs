namespace LlmSpell.Tools.Tests;
