using System.Globalization;
using Fluid;
using Fluid.Values;

namespace LlmSpell.Tools.Utility.Templates;

/// <summary>The Tera filters of tools.md §5.7 as Fluid filters (named or positional arguments).</summary>
internal static class TemplateFilters
{
    public static void Register(FilterCollection filters)
    {
        filters.AddFilter("upper", (input, _, _) => Str(input.ToStringValue().ToUpperInvariant()));
        filters.AddFilter("lower", (input, _, _) => Str(input.ToStringValue().ToLowerInvariant()));
        filters.AddFilter("capitalize", (input, _, _) => Str(Capitalize(input.ToStringValue())));
        filters.AddFilter("title", (input, _, _) => Str(string.Join(' ', input.ToStringValue().Split(' ').Select(Capitalize))));
        filters.AddFilter("trim", (input, _, _) => Str(input.ToStringValue().Trim()));
        filters.AddFilter("length", (input, _, _) => NumberValue.Create(input is ArrayValue a ? a.Values.Count : input is DictionaryValue d ? d.Enumerate(new TemplateContext()).Count() : input.ToStringValue().Length));
        filters.AddFilter("default", (input, args, _) => new ValueTask<FluidValue>(input.IsNil() ? Arg(args, "value", 0) : input));
        filters.AddFilter("join", (input, args, ctx) => Str(string.Join(Arg(args, "sep", 0).ToStringValue(), input.Enumerate(ctx).Select(v => v.ToStringValue()))));
        filters.AddFilter("replace", (input, args, _) =>
        {
            var from = Arg(args, "from", 0).ToStringValue();
            return Str(from.Length == 0 ? input.ToStringValue() : input.ToStringValue().Replace(from, Arg(args, "to", 1).ToStringValue(), StringComparison.Ordinal));
        });
        filters.AddFilter("truncate", (input, args, _) =>
        {
            var s = input.ToStringValue();
            var length = (int)Arg(args, "length", 0).ToNumberValue();
            var end = args.HasNamed("end") ? args["end"].ToStringValue() : "…";
            return Str(s.Length <= length ? s : s[..Math.Max(0, length)] + end);
        });
        filters.AddFilter("round", (input, args, _) =>
        {
            var precision = args.Count > 0 ? (int)Arg(args, "precision", 0).ToNumberValue() : 0;
            return NumberValue.Create(Math.Round(input.ToNumberValue(), precision, MidpointRounding.AwayFromZero));
        });
        filters.AddFilter("first", (input, _, ctx) => new ValueTask<FluidValue>(input.Enumerate(ctx).FirstOrDefault() ?? NilValue.Instance));
        filters.AddFilter("last", (input, _, ctx) => new ValueTask<FluidValue>(input.Enumerate(ctx).LastOrDefault() ?? NilValue.Instance));
        filters.AddFilter("reverse", (input, _, ctx) => input.Type == FluidValues.String
            ? Str(new string([.. input.ToStringValue().Reverse()]))
            : new ValueTask<FluidValue>(new ArrayValue([.. input.Enumerate(ctx).Reverse()])));
        filters.AddFilter("sort", (input, _, ctx) => new ValueTask<FluidValue>(new ArrayValue([.. input.Enumerate(ctx).OrderBy(v => v, Comparer<FluidValue>.Create(Compare))])));
        filters.AddFilter("json_encode", (input, _, _) => new ValueTask<FluidValue>(new StringValue(TemplateJson.Serialize(input.ToObjectValue()), false)));
    }

    private static int Compare(FluidValue a, FluidValue b) =>
        a.Type == FluidValues.Number && b.Type == FluidValues.Number
            ? a.ToNumberValue().CompareTo(b.ToNumberValue())
            : string.CompareOrdinal(a.ToStringValue(), b.ToStringValue());

    private static FluidValue Arg(FilterArguments args, string name, int index) =>
        args.HasNamed(name) ? args[name] : args.At(index);

    private static ValueTask<FluidValue> Str(string s) => new(new StringValue(s));

    private static string Capitalize(string s) =>
        s.Length == 0 ? s : char.ToUpper(s[0], CultureInfo.InvariantCulture) + s[1..].ToLower(CultureInfo.InvariantCulture);
}
