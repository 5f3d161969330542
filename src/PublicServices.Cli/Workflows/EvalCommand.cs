using System.CommandLine;
using System.Text.Json;
using System.Text.Json.Nodes;
using PublicServices.Workflows.JsonLogic;

namespace PublicServices.Cli.Workflows;

/// <summary><c>publicservices eval --rule JSON --data JSON</c>: evaluates a JsonLogic rule, for authors debugging rules.</summary>
public static class EvalCommand
{
    public static Command Create()
    {
        var rule = new Option<string>("--rule") { Description = "JsonLogic rule (JSON)", Required = true };
        var data = new Option<string>("--data") { Description = "Data (JSON), default {}" };
        var command = new Command("eval", "Evaluate a JsonLogic rule / Tính một quy tắc JsonLogic") { rule, data };
        command.SetAction(parse => Run(parse.GetValue(rule)!, parse.GetValue(data) ?? "{}", Console.Out, Console.Error));
        return command;
    }

    public static int Run(string ruleJson, string dataJson, TextWriter output, TextWriter error)
    {
        JsonNode? rule;
        JsonNode? data;
        try
        {
            rule = JsonNode.Parse(ruleJson);
            data = JsonNode.Parse(dataJson);
        }
        catch (JsonException problem)
        {
            error.WriteLine($"JSON không hợp lệ / invalid JSON: {problem.Message}");
            return 2;
        }
        try
        {
            output.WriteLine(JsonLogicRule.Parse(rule).Evaluate(data)?.ToJsonString() ?? "null");
            return 0;
        }
        catch (JsonLogicException problem)
        {
            error.WriteLine(problem.Message);
            return 2;
        }
    }
}
