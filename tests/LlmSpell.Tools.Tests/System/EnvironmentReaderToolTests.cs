using LlmSpell.TestUtilities;
using LlmSpell.Tools.Infrastructure;
using LlmSpell.Tools.Sys;
using LlmSpell.Values;

namespace LlmSpell.Tools.Tests.Sys;

public sealed class EnvironmentReaderToolTests
{
    [Fact]
    public void Get_Path_ReturnsValue()
    {
        var s = ToolTestServices.Create();
        var env = SysTool.Run(new EnvironmentReaderTool(s), s, """{"operation":"get","variable_name":"PATH"}""");
        Assert.Equal(Environment.GetEnvironmentVariable("PATH"), JsonValues.AsString(SysTool.Result(env, "value")));
        Assert.Equal(true, JsonValues.AsBool(SysTool.Result(env, "found")));
    }

    [Fact]
    public void Get_BlockedName_RaisesSecurityViolation()
    {
        var s = ToolTestServices.Create();
        Assert.Equal(
            "Tool 'environment_reader' failed: security violation: access to environment variable 'API_KEY_OPENAI' is not permitted",
            SysTool.Raises(new EnvironmentReaderTool(s), s, """{"operation":"get","variable_name":"API_KEY_OPENAI"}"""));
    }

    [Fact]
    public void Get_InvisibleName_ReportedAsNotFound()
    {
        Environment.SetEnvironmentVariable("LLMSPELLTEST_INVISIBLE", "x");
        var s = ToolTestServices.Create();
        var env = SysTool.Run(new EnvironmentReaderTool(s), s, """{"operation":"get","variable_name":"LLMSPELLTEST_INVISIBLE"}""");
        Assert.Equal(false, JsonValues.AsBool(SysTool.Result(env, "found")));
        Assert.Null(SysTool.Result(env, "value"));
    }

    [Fact]
    public void List_HidesBlockedAndInvisibleNames()
    {
        Environment.SetEnvironmentVariable("API_KEY_LISTTEST", "secret");
        Environment.SetEnvironmentVariable("LLMSPELL_LISTTEST", "shown");
        Environment.SetEnvironmentVariable("LLMSPELL_TOKEN_LISTTEST", "hidden");
        var s = ToolTestServices.Create();
        var env = SysTool.Run(new EnvironmentReaderTool(s), s, """{"operation":"list"}""");
        var vars = (System.Text.Json.Nodes.JsonObject)SysTool.Result(env, "variables")!;
        Assert.Equal("shown", JsonValues.AsString(vars["LLMSPELL_LISTTEST"]));
        Assert.False(vars.ContainsKey("API_KEY_LISTTEST"));
        Assert.False(vars.ContainsKey("LLMSPELL_TOKEN_LISTTEST"));
        Assert.Equal(vars.Count, (int)JsonValues.AsInteger(SysTool.Result(env, "count"))!);
        Assert.True(vars.Count <= 100);
    }

    [Fact]
    public void Pattern_FiltersVisibleNames()
    {
        Environment.SetEnvironmentVariable("LLMSPELL_PATTERN_A", "1");
        var s = ToolTestServices.Create("[tools.system]\nallowed_env_vars_read = [\"EXTRA_*\"]");
        Environment.SetEnvironmentVariable("EXTRA_PATTERN_B", "2");
        var env = SysTool.Run(new EnvironmentReaderTool(s), s, """{"operation":"pattern","pattern":"*PATTERN*"}""");
        var vars = (System.Text.Json.Nodes.JsonObject)SysTool.Result(env, "variables")!;
        Assert.True(vars.ContainsKey("LLMSPELL_PATTERN_A"));
        Assert.True(vars.ContainsKey("EXTRA_PATTERN_B"));
        Assert.Equal("*PATTERN*", JsonValues.AsString(SysTool.Result(env, "pattern")));
    }

    [Fact]
    public void Set_DisabledByDefault_Raises()
    {
        var s = ToolTestServices.Create();
        var failure = SysTool.Fails(new EnvironmentReaderTool(s), s, """{"operation":"set","variable_name":"LLMSPELL_SET","value":"1"}""");
        Assert.Equal(ToolFailureKind.SecurityViolation, failure.Kind);
    }

    [Fact]
    public void Set_Enabled_SetsProcessVariable()
    {
        var s = ToolTestServices.Create("[tools.system]\nallow_env_set = true");
        var env = SysTool.Run(new EnvironmentReaderTool(s), s, """{"operation":"set","variable_name":"LLMSPELL_SET_OK","value":"42"}""");
        Assert.Equal(true, JsonValues.AsBool(SysTool.Result(env, "set")));
        Assert.Equal("42", Environment.GetEnvironmentVariable("LLMSPELL_SET_OK"));
        Assert.Equal(ToolFailureKind.SecurityViolation, SysTool.Fails(new EnvironmentReaderTool(s), s, """{"operation":"set","variable_name":"MY_SECRET","value":"1"}""").Kind);
    }

    [Fact]
    public void BadInput_UnknownOperationOrMissingName_RaisesInvalidParameters()
    {
        var s = ToolTestServices.Create();
        var tool = new EnvironmentReaderTool(s);
        Assert.Equal("Tool 'environment_reader' invalid parameters: parameter 'operation': expected one of get, list, pattern, set, got 'delete'", SysTool.Raises(tool, s, """{"operation":"delete"}"""));
        Assert.Equal("Tool 'environment_reader' invalid parameters: missing required parameter 'variable_name'", SysTool.Raises(tool, s, """{"operation":"get"}"""));
        Assert.Equal(ToolFailureKind.InvalidParameters, SysTool.Fails(tool, s, "{}").Kind);
    }
}
