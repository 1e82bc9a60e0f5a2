namespace LlmSpell.Scripting.Lua.Tests;
