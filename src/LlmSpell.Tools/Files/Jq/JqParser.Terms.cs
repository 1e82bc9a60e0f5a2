using System.Text.Json.Nodes;

namespace LlmSpell.Tools.Files.Jq;

/// <summary>Keyword forms (if, try, reduce, foreach), function calls and object construction.</summary>
internal sealed partial class JqParser
{
    private JqNode ParseKeywordOrCall()
    {
        var name = Next().Text;
        switch (name)
        {
            case "true" or "false":
                return new JqNode(JqNodeKind.Literal) { Value = JqValues.Bool(name == "true") };
            case "null":
                return new JqNode(JqNodeKind.Literal);
            case "if":
                return ParseIf();
            case "try":
                var body = ParsePostfix(allowBind: false);
                JqNode? handler = null;
                if (IsKeyword("catch"))
                {
                    _pos++;
                    handler = ParsePostfix(allowBind: false);
                }

                return new JqNode(JqNodeKind.Try) { A = body, B = handler ?? new JqNode(JqNodeKind.Call) { Name = "empty" } };
            case "reduce" or "foreach":
                var source = ParsePostfix(allowBind: false);
                ExpectKeyword("as");
                var variable = Peek.Kind == JqTokenKind.Variable ? Next().Text : throw Error("expected a variable after 'as'");
                Expect("(");
                var init = ParsePipe();
                Expect(";");
                var update = ParsePipe();
                JqNode? extract = null;
                if (name == "foreach" && Accept(";"))
                {
                    extract = ParsePipe();
                }

                Expect(")");
                return new JqNode(name == "reduce" ? JqNodeKind.Reduce : JqNodeKind.Foreach) { A = source, Name = variable, B = init, C = update, D = extract };
            case "def" or "label":
                throw new JqSyntaxException($"syntax error: '{name}' is not supported");
        }

        var args = new List<JqNode>();
        if (Accept("("))
        {
            do
            {
                args.Add(ParsePipe());
            }
            while (Accept(";"));
            Expect(")");
        }

        return Unavailable.Contains(name) || !JqBuiltins.Exists(name, args.Count)
            ? throw new JqSyntaxException($"unknown function '{name}/{args.Count}'")
            : new JqNode(JqNodeKind.Call) { Name = name, Args = args };
    }

    private JqNode ParseIf()
    {
        var parts = new List<JqNode> { ParsePipe() };
        ExpectKeyword("then");
        parts.Add(ParsePipe());
        while (IsKeyword("elif"))
        {
            _pos++;
            parts.Add(ParsePipe());
            ExpectKeyword("then");
            parts.Add(ParsePipe());
        }

        JqNode? otherwise = null;
        if (IsKeyword("else"))
        {
            _pos++;
            otherwise = ParsePipe();
        }

        ExpectKeyword("end");
        return new JqNode(JqNodeKind.If) { Args = parts, C = otherwise ?? JqNode.Identity };
    }

    private JqNode ParseObject()
    {
        var entries = new List<(JqNode, JqNode?)>();
        if (Accept("}"))
        {
            return new JqNode(JqNodeKind.ObjectConstruct) { Entries = entries };
        }

        do
        {
            JqNode key;
            var t = Peek;
            if (t.Kind == JqTokenKind.Variable)
            {
                _pos++;
                var v = new JqNode(JqNodeKind.Variable) { Name = t.Text };
                entries.Add((new JqNode(JqNodeKind.Literal) { Value = JsonValue.Create(t.Text) }, v));
                continue;
            }

            if (t.Kind is JqTokenKind.Identifier or JqTokenKind.Number)
            {
                _pos++;
                key = new JqNode(JqNodeKind.Literal) { Value = JsonValue.Create(t.Text) };
            }
            else if (t.Kind == JqTokenKind.String)
            {
                _pos++;
                key = StringNode(t);
            }
            else if (Accept("("))
            {
                key = ParsePipe();
                Expect(")");
            }
            else
            {
                throw Error("expected an object key");
            }

            JqNode? value = null;
            if (Accept(":"))
            {
                value = ParseAlternative();
                while (Accept("|"))
                {
                    value = new JqNode(JqNodeKind.Pipe) { A = value, B = ParseAlternative() };
                }
            }
            else if (key.Kind is not (JqNodeKind.Literal or JqNodeKind.Interpolation))
            {
                throw Error("expected ':' after a computed key");
            }

            entries.Add((key, value));
        }
        while (Accept(","));
        Expect("}");
        return new JqNode(JqNodeKind.ObjectConstruct) { Entries = entries };
    }
}
