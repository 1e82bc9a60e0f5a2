using System.Text.Json.Nodes;

namespace LlmSpell.Tools.Tests.Utility;

public sealed class CitationFormatterTests
{
    private const string Bib = """
        @article{smith2020,
          author = {Smith, Jane Q. and Doe, John},
          title = {A Study of Things},
          journal = {Journal of Stuff},
          year = 2020, month = mar,
          volume = {12}, number = {3}, pages = {45--67},
          doi = {10.1000/xyz123}
        }
        @book{brown2018,
          author = "Brown, Alice",
          title = {The Big Book},
          publisher = {Acme Press}, address = {New York},
          year = {2018}, edition = {2}
        }
        """;

    [Theory]
    [InlineData("apa", "Smith, J. Q., & Doe, J. (2020). A Study of Things. *Journal of Stuff*, *12*(3), 45–67. https://doi.org/10.1000/xyz123", "(Smith & Doe, 2020)")]
    [InlineData("mla", "Smith, Jane Q., and John Doe. \"A Study of Things.\" *Journal of Stuff*, vol. 12, no. 3, 2020, pp. 45–67. https://doi.org/10.1000/xyz123.", "(Smith and Doe)")]
    [InlineData("chicago-author-date", "Smith, Jane Q., and John Doe. 2020. \"A Study of Things.\" *Journal of Stuff* 12 (3): 45–67. https://doi.org/10.1000/xyz123.", "(Smith and Doe 2020)")]
    [InlineData("chicago", "Smith, Jane Q., and John Doe. \"A Study of Things.\" *Journal of Stuff* 12, no. 3 (2020): 45–67. https://doi.org/10.1000/xyz123.", "Jane Q. Smith and John Doe, \"A Study of Things,\" *Journal of Stuff* 12, no. 3 (2020): 45–67.")]
    [InlineData("harvard", "Smith, J.Q. and Doe, J. (2020) 'A Study of Things', *Journal of Stuff*, 12(3), pp. 45–67. doi:10.1000/xyz123.", "(Smith and Doe, 2020)")]
    [InlineData("ieee", "[1] J. Q. Smith and J. Doe, \"A Study of Things,\" *Journal of Stuff*, vol. 12, no. 3, pp. 45–67, Mar. 2020, doi: 10.1000/xyz123.", "[1]")]
    [InlineData("vancouver", "1. Smith JQ, Doe J. A Study of Things. Journal of Stuff. 2020;12(3):45-67. doi:10.1000/xyz123", "(1)")]
    [InlineData("nature", "1. Smith, J. Q. & Doe, J. A Study of Things. *Journal of Stuff* **12**, 45–67 (2020).", "<sup>1</sup>")]
    public async Task Format_Article_MatchesStyleTemplate(string style, string expected, string inText)
    {
        var c = await Cite(style, "smith2020");
        Assert.Equal(expected, c["citation"]!.GetValue<string>());
        Assert.Equal(inText, c["in_text"]!.GetValue<string>());
    }

    [Theory]
    [InlineData("apa", "Brown, A. (2018). *The Big Book* (2nd ed.). Acme Press.", "(Brown, 2018)")]
    [InlineData("mla", "Brown, Alice. *The Big Book*. 2nd ed., Acme Press, 2018.", "(Brown)")]
    [InlineData("chicago-author-date", "Brown, Alice. 2018. *The Big Book*. 2nd ed. New York: Acme Press.", "(Brown 2018)")]
    [InlineData("chicago-notes", "Brown, Alice. *The Big Book*. 2nd ed. New York: Acme Press, 2018.", "Alice Brown, *The Big Book*, 2nd ed. (New York: Acme Press, 2018).")]
    [InlineData("harvard", "Brown, A. (2018) *The Big Book*. 2nd edn. New York: Acme Press.", "(Brown, 2018)")]
    [InlineData("ieee", "[1] A. Brown, *The Big Book*, 2nd ed. New York: Acme Press, 2018.", "[1]")]
    [InlineData("vancouver", "1. Brown A. The Big Book. 2nd ed. New York: Acme Press; 2018.", "(1)")]
    [InlineData("nature", "1. Brown, A. *The Big Book* (Acme Press, 2018).", "<sup>1</sup>")]
    public async Task Format_Book_MatchesStyleTemplate(string style, string expected, string inText)
    {
        var c = await Cite(style, "brown2018");
        Assert.Equal(expected, c["citation"]!.GetValue<string>());
        Assert.Equal(inText, c["in_text"]!.GetValue<string>());
    }

    [Fact]
    public async Task Format_AuthorStyle_SortsByFamilyName_NumericKeepsOrder()
    {
        var h = new ToolHarness();
        var apa = await h.Result("citation_formatter", Json(new JsonObject { ["input"] = Bib, ["style"] = "apa" }));
        Assert.Equal(["brown2018", "smith2020"], apa["citations"]!.AsArray().Select(c => c!["key"]!.GetValue<string>()));
        var ieee = await h.Result("citation_formatter", Json(new JsonObject { ["input"] = Bib, ["style"] = "ieee" }));
        Assert.Equal(["smith2020", "brown2018"], ieee["citations"]!.AsArray().Select(c => c!["key"]!.GetValue<string>()));
        Assert.StartsWith("[1] J. Q. Smith", ieee["reference_list"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Contains("\n[2] A. Brown", ieee["reference_list"]!.GetValue<string>(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Format_HtmlOutput_UsesTags_AndLatexEscapesBecomeUnicode()
    {
        const string bib = "@article{g, author = {G{\\\"o}del, Kurt}, title = {On R\\&D}, journal = {Monatshefte}, year = 1931, volume = 38, pages = {173--198}}";
        var r = await new ToolHarness().Result("citation_formatter", Json(new JsonObject { ["input"] = bib, ["style"] = "apa", ["output"] = "html" }));
        Assert.Equal("Gödel, K. (1931). On R&amp;D. <i>Monatshefte</i>, <i>38</i>, 173–198.", r["citations"]![0]!["citation"]!.GetValue<string>());
    }

    [Fact]
    public async Task Format_YamlAndCslJson_ProduceSameCitationAsBibTex()
    {
        const string yaml = """
            references:
              - id: smith2020
                type: article-journal
                title: A Study of Things
                author: [{ family: Smith, given: Jane Q. }, "Doe, John"]
                issued: { year: 2020 }
                container-title: Journal of Stuff
                volume: 12
                issue: 3
                page: 45-67
            """;
        var h = new ToolHarness();
        var y = await h.Result("citation_formatter", Json(new JsonObject { ["input"] = yaml, ["style"] = "mla" }));
        Assert.Equal("Smith, Jane Q., and John Doe. \"A Study of Things.\" Journal of Stuff, vol. 12, no. 3, 2020, pp. 45-67.", y["citations"]![0]!["citation"]!.GetValue<string>());
        const string json = """[{"id":"a","type":"book","title":"T","author":[{"family":"X","given":"Y"}],"issued":{"year":2001},"publisher":"P"}]""";
        var j = await h.Result("citation_formatter", Json(new JsonObject { ["input"] = json, ["style"] = "apa" }));
        Assert.Equal("X, Y. (2001). T. P.", j["citations"]![0]!["citation"]!.GetValue<string>());
    }

    [Fact]
    public async Task Validate_MissingFields_IsNegativeResult()
    {
        const string bib = "@article{x, title = {Only a title}}\n@book{y, editor = {Ed, Ann}, title = {B}, publisher = {P}, year = 2000}";
        var r = await new ToolHarness().Result("citation_formatter", Json(new JsonObject { ["operation"] = "validate_bibliography", ["input"] = bib }));
        Assert.False(r["is_valid"]!.GetValue<bool>());
        Assert.Equal(2, r["entry_count"]!.GetValue<int>());
        Assert.Equal(["author", "journal", "year"], r["entries"]![0]!["missing_fields"]!.AsArray().Select(f => f!.GetValue<string>()));
        Assert.Empty(r["entries"]![1]!["missing_fields"]!.AsArray());
        Assert.Single(r["errors"]!.AsArray());
    }

    [Fact]
    public async Task ListStyles_HasEightStylesWithInTextKinds()
    {
        var r = await new ToolHarness().Result("citation_formatter", """{"operation":"list_styles"}""");
        var styles = r["styles"]!.AsArray();
        Assert.Equal(8, styles.Count);
        Assert.Contains(styles, s => s!["id"]!.GetValue<string>() == "ieee" && s["in_text_style"]!.GetValue<string>() == "numeric");
    }

    [Fact]
    public async Task Parse_ReturnsCslEntries()
    {
        var r = await new ToolHarness().Result("citation_formatter", Json(new JsonObject { ["operation"] = "parse", ["input"] = Bib }));
        var first = r["entries"]![0]!;
        Assert.Equal("article-journal", first["type"]!.GetValue<string>());
        Assert.Equal("Smith", first["author"]![0]!["family"]!.GetValue<string>());
        Assert.Equal(2020, first["issued"]!["year"]!.GetValue<int>());
        Assert.Equal("45–67", first["page"]!.GetValue<string>());
    }

    [Fact]
    public async Task Parse_Yaml_NullsAndQuotedScalars()
    {
        const string yaml = """
            - id: n1
              type: book
              title: "null"
              note: ~
              publisher:
              author: [{ family: Roe, given: null }]
              issued: { year: 1999 }
              volume: '7'
            """;
        var r = await new ToolHarness().Result("citation_formatter", Json(new JsonObject { ["operation"] = "parse", ["input"] = yaml }));
        Assert.Equal("""[{"id":"n1","type":"book","title":"null","author":[{"family":"Roe","given":""}],"issued":{"year":1999},"volume":"7"}]""", r["entries"]!.ToJsonString());
    }

    [Theory]
    [InlineData("references: [unclosed", "line 2: While parsing a flow sequence, did not find expected ',' or ']'.")]
    [InlineData("a: 1\na: 2", "line 2: Duplicate key a")]
    [InlineData("- a\n b: c", "line 2: While scanning a multiline plain scalar, found invalid mapping.")]
    public async Task Format_BadYaml_RaisesWithLine(string input, string position)
    {
        var message = await new ToolHarness().Raises("citation_formatter", Json(new JsonObject { ["input"] = input }));
        Assert.Equal("Tool 'citation_formatter' failed: invalid YAML bibliography at " + position, message);
    }

    [Fact]
    public async Task Format_BadInput_RaisesWithLine()
    {
        var h = new ToolHarness();
        var message = await h.Raises("citation_formatter", Json(new JsonObject { ["input"] = "@article{x,\n title = {unclosed\n" }));
        Assert.StartsWith("Tool 'citation_formatter' failed: invalid BibTeX at line 2", message, StringComparison.Ordinal);
        Assert.Equal("Tool 'citation_formatter' invalid parameters: missing required parameter 'input'", await h.Raises("citation_formatter", "{}"));
        Assert.StartsWith("Tool 'citation_formatter' invalid parameters: parameter 'style': unknown style 'foo'",
            await h.Raises("citation_formatter", Json(new JsonObject { ["input"] = Bib, ["style"] = "foo" })), StringComparison.Ordinal);
        Assert.StartsWith("Tool 'citation_formatter' invalid parameters: parameter 'operation'", await h.Raises("citation_formatter", """{"operation":"zap"}"""), StringComparison.Ordinal);
    }

    private static async Task<JsonNode> Cite(string style, string key)
    {
        var r = await new ToolHarness().Result("citation_formatter", Json(new JsonObject { ["input"] = Bib, ["style"] = style, ["output"] = "markdown", ["cite_keys"] = key }));
        return r["citations"]![0]!;
    }

    private static string Json(JsonObject o) => o.ToJsonString();
}
