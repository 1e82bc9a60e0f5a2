using System.Text.Json.Nodes;
using static LlmSpell.Tools.Tests.Web.WebToolHarness;

namespace LlmSpell.Tools.Tests.Web;

public sealed class GraphQlQueryToolTests
{
    [Fact]
    public async Task GraphQl_QueryWithVariables_ReturnsData()
    {
        await using var site = await TestSite.StartAsync();

        var env = await Run("graphql_query", new JsonObject
        {
            ["endpoint"] = site.Url("/graphql"),
            ["input"] = "query Q($id: ID!) { user(id: $id) { name } }",
            ["variables"] = new JsonObject { ["id"] = 7 },
            ["operation_name"] = "Q",
        });

        var result = env["result"]!;
        Assert.Equal("query", (string)result["operation"]!);
        Assert.Equal(200, (int)result["status_code"]!);
        Assert.Equal(7, (int)result["result"]!["data"]!["echo"]!["id"]!);
        Assert.Equal("Q", (string)result["result"]!["data"]!["operationName"]!);
    }

    [Fact]
    public async Task GraphQl_ErrorsWithoutData_Raise()
    {
        await using var site = await TestSite.StartAsync();

        var ex = await Raises("graphql_query", new JsonObject { ["endpoint"] = site.Url("/graphql"), ["input"] = "{ failing }" });

        Assert.Equal("GraphQL errors: field 'failing' exploded", ex.Message);
    }

    [Fact]
    public async Task GraphQl_ErrorsAlongsideData_AreReturned()
    {
        await using var site = await TestSite.StartAsync();

        var env = await Run("graphql_query", new JsonObject { ["endpoint"] = site.Url("/graphql"), ["input"] = "{ partial }" });

        Assert.Equal(1, (int)env["result"]!["result"]!["data"]!["partial"]!);
        Assert.Equal("minor", (string)env["result"]!["result"]!["errors"]![0]!["message"]!);
    }

    [Fact]
    public async Task GraphQl_Introspection_IsCachedPerEndpoint()
    {
        await using var site = await TestSite.StartAsync();
        var services = Services();

        var first = await Run(services, "graphql_query", new JsonObject { ["operation"] = "introspection", ["endpoint"] = site.Url("/graphql") });
        var second = await Run(services, "graphql_query", new JsonObject { ["operation"] = "introspection", ["endpoint"] = site.Url("/graphql") });

        Assert.Equal("Query", (string)first["result"]!["result"]!["schema"]!["queryType"]!["name"]!);
        Assert.False((bool)first["result"]!["result"]!["cached"]!);
        Assert.True((bool)second["result"]!["result"]!["cached"]!);
        Assert.Equal(1, site.Hits("/graphql"));
    }

    [Fact]
    public async Task GraphQl_BadInput_Raises()
    {
        await using var site = await TestSite.StartAsync();

        Assert.Equal("unsupported", (await Raises("graphql_query", new JsonObject { ["operation"] = "subscription", ["endpoint"] = site.Url("/graphql"), ["input"] = "x" })).Code);
        Assert.Equal("missing required parameter 'endpoint'", (await Raises("graphql_query", new JsonObject { ["input"] = "{ a }" })).Message);
        Assert.Equal("missing required parameter 'input'", (await Raises("graphql_query", new JsonObject { ["endpoint"] = site.Url("/graphql") })).Message);
        Assert.Equal("http_error", (await Raises("graphql_query", new JsonObject { ["endpoint"] = site.Url("/status/500"), ["input"] = "{ a }" })).Code);
        Assert.Contains("not a JSON object", (await Raises("graphql_query", new JsonObject { ["endpoint"] = site.Url("/text"), ["input"] = "{ a }" })).Message, StringComparison.Ordinal);
    }
}
