using System.Text.Json.Nodes;
using LlmSpell.TestUtilities;
using LlmSpell.Tools.Files;
using LlmSpell.Tools.Infrastructure;

namespace LlmSpell.Tools.Tests.Files;

public sealed class CsvAnalyzerToolTests : IDisposable
{
    private const string People = "name,age,score,active,joined\nAda,36,91.5,true,2024-01-02\nBob,25,78,false,2023-05-06\nCy,,88.25,true,2022-12-31\n";
    private readonly TempDirectory _dir = new("csv");
    private readonly ToolServices _services = ToolTestServices.Create();

    public void Dispose() => _dir.Dispose();

    private async Task<JsonObject> Result(JsonObject p) => FileToolHarness.Result(await FileToolHarness.Run(new CsvAnalyzerTool(_services), _services, p));

    [Fact]
    public async Task Analyze_DetectsTypesAndStatistics()
    {
        var r = await Result(new() { ["operation"] = "analyze", ["input"] = People });
        Assert.Equal(3, r["row_count"]!.GetValue<int>());
        Assert.Equal(5, r["column_count"]!.GetValue<int>());
        Assert.Equal(",", r["delimiter"]!.GetValue<string>());
        Assert.True(r["has_headers"]!.GetValue<bool>());
        var columns = (JsonArray)r["columns"]!;
        Assert.Equal(["string", "integer", "float", "boolean", "date"], columns.Select(c => c!["data_type"]!.GetValue<string>()));
        var age = columns[1]!;
        Assert.Equal(1, age["null_count"]!.GetValue<int>());
        Assert.Equal(25, age["min_value"]!.GetValue<long>());
        Assert.Equal(36, age["max_value"]!.GetValue<long>());
        Assert.Equal(30.5, age["mean"]!.GetValue<double>());
    }

    [Theory]
    [InlineData("a;b\n1;2\n", ";")]
    [InlineData("a\tb\n1\t2\n", "\t")]
    [InlineData("a|b\n1|2\n", "|")]
    public async Task Analyze_DetectsDelimiter(string csv, string delimiter)
    {
        var r = await Result(new() { ["input"] = csv });
        Assert.Equal(delimiter, r["delimiter"]!.GetValue<string>());
        Assert.Equal(2, r["column_count"]!.GetValue<int>());
    }

    [Fact]
    public async Task Analyze_NumericFirstRow_NoHeaders()
    {
        var r = await Result(new() { ["input"] = "1,2\n3,4\n" });
        Assert.False(r["has_headers"]!.GetValue<bool>());
        Assert.Equal("column_1", r["columns"]![0]!["name"]!.GetValue<string>());
    }

    [Fact]
    public async Task Convert_Json_TypedRows()
    {
        var r = await Result(new() { ["operation"] = "convert", ["input"] = People, ["options"] = new JsonObject { ["format"] = "json" } });
        Assert.Equal("""[{"name":"Ada","age":36,"score":91.5,"active":true,"joined":"2024-01-02"},{"name":"Bob","age":25,"score":78,"active":false,"joined":"2023-05-06"},{"name":"Cy","age":null,"score":88.25,"active":true,"joined":"2022-12-31"}]""", r["data"]!.ToJsonString());
    }

    [Fact]
    public async Task Convert_MarkdownAndCsvWithTargetDelimiter()
    {
        var md = await Result(new() { ["operation"] = "convert", ["input"] = "a,b\n1,x|y\n", ["options"] = new JsonObject { ["format"] = "markdown" } });
        Assert.Equal("| a | b |\n| --- | --- |\n| 1 | x\\|y |\n", md["data"]!.GetValue<string>());
        var csv = await Result(new() { ["operation"] = "convert", ["input"] = "a,b\n1,2\n", ["options"] = new JsonObject { ["format"] = "csv", ["target_delimiter"] = ";" } });
        Assert.Equal("a;b\n1;2\n", csv["data"]!.GetValue<string>());
    }

    [Fact]
    public async Task Convert_Xlsx_IsZipPackage()
    {
        var r = await Result(new() { ["operation"] = "convert", ["input"] = People, ["options"] = new JsonObject { ["format"] = "xlsx" } });
        var bytes = Convert.FromBase64String(r["data"]!.GetValue<string>());
        Assert.Equal("base64", r["encoding"]!.GetValue<string>());
        Assert.Equal(bytes.Length, r["size_bytes"]!.GetValue<int>());
        Assert.Equal((byte)'P', bytes[0]);
        Assert.Equal((byte)'K', bytes[1]);
    }

    [Fact]
    public async Task Convert_UnknownFormat_RaisesUnsupported()
    {
        var ex = await FileToolHarness.Fails(new CsvAnalyzerTool(_services), _services, new() { ["operation"] = "convert", ["input"] = People, ["options"] = new JsonObject { ["format"] = "parquet" } });
        Assert.Equal("unsupported", ex.Code);
    }

    [Theory]
    [InlineData("age > 30", 1)]
    [InlineData("age >= 25", 2)]
    [InlineData("name == 'Bob'", 1)]
    [InlineData("name != \"Bob\"", 2)]
    [InlineData("name contains y", 1)]
    [InlineData("score < 90", 2)]
    public async Task Filter_Expressions(string filter, int rows)
    {
        var r = await Result(new() { ["operation"] = "filter", ["input"] = People, ["options"] = new JsonObject { ["filter"] = filter } });
        Assert.Equal(rows, r["row_count"]!.GetValue<int>());
        Assert.StartsWith("name,age,score,active,joined\n", r["csv"]!.GetValue<string>());
    }

    [Fact]
    public async Task Transform_RenameDropAdd()
    {
        var options = new JsonObject
        {
            ["add_columns"] = new JsonObject { ["total"] = "(price + tax) * qty / 3" },
            ["drop_columns"] = new JsonArray("tax"),
            ["rename_columns"] = new JsonObject { ["qty"] = "quantity" },
        };
        var r = await Result(new() { ["operation"] = "transform", ["input"] = "price,tax,qty\n10,2,1\n1.5,0,2\n", ["options"] = options });
        Assert.Equal("price,quantity,total\n10,1,4\n1.5,2,1\n", r["csv"]!.GetValue<string>());
    }

    [Fact]
    public async Task Transform_BadExpression_Raises()
    {
        var ex = await FileToolHarness.Fails(new CsvAnalyzerTool(_services), _services, new() { ["operation"] = "transform", ["input"] = "a\n1\n", ["options"] = new JsonObject { ["add_columns"] = new JsonObject { ["b"] = "a +" } } });
        Assert.Equal("invalid_expression", ex.Code);
    }

    [Fact]
    public async Task Validate_ReportsRuleViolationsAsNegativeResult()
    {
        var csv = "email,age,site,code\na@b.co,5,https://x.org,AB1\nnot-an-email,200,ftp://x,zz\n,30,,AB2\n";
        var rules = new JsonObject { ["email"] = "email", ["age"] = "range:0-120", ["site"] = "url", ["code"] = "regex:^[A-Z]{2}\\d$" };
        var output = await FileToolHarness.Run(new CsvAnalyzerTool(_services), _services, new() { ["operation"] = "validate", ["input"] = csv, ["options"] = new JsonObject { ["rules"] = rules } });
        Assert.True(output.Value!["success"]!.GetValue<bool>());
        var r = FileToolHarness.Result(output);
        Assert.False(r["valid"]!.GetValue<bool>());
        Assert.Equal(4, r["error_count"]!.GetValue<int>());
        Assert.Equal(3, r["total_rows"]!.GetValue<int>());
        Assert.All((JsonArray)r["errors"]!, e => Assert.Equal(2, e!["row"]!.GetValue<int>()));
    }

    [Fact]
    public async Task Sample_WithSeed_IsReproducible()
    {
        var csv = "n\n" + string.Join("\n", Enumerable.Range(1, 50)) + "\n";
        var options = new JsonObject { ["size"] = 5, ["random"] = true, ["seed"] = 42 };
        var a = await Result(new() { ["operation"] = "sample", ["input"] = csv, ["options"] = options.DeepClone() });
        var b = await Result(new() { ["operation"] = "sample", ["input"] = csv, ["options"] = options.DeepClone() });
        Assert.Equal(5, a["row_count"]!.GetValue<int>());
        Assert.Equal(a["csv"]!.GetValue<string>(), b["csv"]!.GetValue<string>());
        var first = await Result(new() { ["operation"] = "sample", ["input"] = csv, ["options"] = new JsonObject { ["size"] = 2 } });
        Assert.Equal("n\n1\n2\n", first["csv"]!.GetValue<string>());
    }

    [Fact]
    public async Task Path_ReadsFileWithBom()
    {
        var path = _dir.File("bom.csv");
        File.WriteAllBytes(path, [0xEF, 0xBB, 0xBF, .. "x,y\n1,2\n"u8.ToArray()]);
        var r = await Result(new() { ["path"] = path });
        Assert.Equal("utf-8-bom", r["encoding"]!.GetValue<string>());
        Assert.Equal("x", r["columns"]![0]!["name"]!.GetValue<string>());
    }

    [Fact]
    public async Task BadInput_MissingInputOutsideSandboxOversizedUnknownOperation()
    {
        var tool = new CsvAnalyzerTool(_services);
        Assert.Equal(ToolFailureKind.InvalidParameters, (await FileToolHarness.Fails(tool, _services, new() { ["operation"] = "analyze" })).Kind);
        Assert.Equal(ToolFailureKind.InvalidParameters, (await FileToolHarness.Fails(tool, _services, new() { ["operation"] = "pivot", ["input"] = "a" })).Kind);
        var sec = await FileToolHarness.Fails(tool, _services, new() { ["path"] = "/tmp/../etc/passwd" });
        Assert.Equal(ToolFailureKind.SecurityViolation, sec.Kind);
        Assert.Equal("file not found: " + _dir.File("none.csv"), (await FileToolHarness.Fails(tool, _services, new() { ["path"] = _dir.File("none.csv") })).Message);
        var small = ToolTestServices.Create("[tools.data]\nmax_csv_size = 10\n");
        var big = await FileToolHarness.Fails(new CsvAnalyzerTool(small), small, new() { ["input"] = "a,b\n1,2\n3,4\n" });
        Assert.Equal("CSV input is 12 bytes, exceeding the limit of 10", big.Message);
    }
}
