using Kiln.Bake.Hcl;
using Kiln.Bake.Hcl.Evaluation;
using Kiln.Bake.Hcl.Functions;
using Kiln.Bake.Hcl.Values;
using Kiln.Diagnostics;

namespace Kiln.Tests.Bake.Hcl;

/// <summary>Variables, top-level attributes, user functions and built-ins; expectations come from buildx 0.13.1.</summary>
public class GlobalScopeTests
{
    private const string File = """
        variable "B" {
          default = false
        }
        variable "N" {
          default = 1
        }
        variable "L" {
          default = ["a"]
        }
        variable "S" {
          default = "s"
        }
        variable "U" {
        }
        variable "DEP" {
          default = "${S}-dep"
        }
        TOP = "top-${S}"
        function "inc" {
          params = [x]
          result = x + N
        }
        function "cat" {
          params = [a]
          variadic_params = rest
          result = "${a}:${join(",", rest)}"
        }
        """;

    private static GlobalScope Scope(string source, Dictionary<string, string>? environment = null)
    {
        var file = HclParser.ParseFile(source, "docker-bake.hcl");
        Assert.Empty(file.Diagnostics);
        var builtins = new Dictionary<string, HclValue>
        {
            ["BAKE_CMD_CONTEXT"] = HclValue.From("cwd://"),
            ["BAKE_LOCAL_PLATFORM"] = HclValue.From("linux/amd64"),
        };
        return new GlobalScope([file.Body], environment ?? [], builtins, HclStdlib.Create(HclTestContext.Environment));
    }

    private static string Eval(GlobalScope scope, string expression)
    {
        var (parsed, diagnostics) = HclParser.ParseExpression(expression, "e.hcl");
        Assert.Empty(diagnostics);
        return HclJson.Encode(parsed.Evaluate(scope.Context));
    }

    [Theory]
    [InlineData("B", "false")]
    [InlineData("N", "1")]
    [InlineData("L", "[\"a\"]")]
    [InlineData("U", "\"\"")]
    [InlineData("DEP", "\"s-dep\"")]
    [InlineData("TOP", "\"top-s\"")]
    [InlineData("inc(2)", "3")]
    [InlineData("cat(\"x\", \"y\", \"z\")", "\"x:y,z\"")]
    [InlineData("BAKE_CMD_CONTEXT", "\"cwd://\"")]
    [InlineData("BAKE_LOCAL_PLATFORM", "\"linux/amd64\"")]
    public void EvaluatesGlobalsLikeBuildx(string expression, string expected) => Assert.Equal(expected, Eval(Scope(File), expression));

    [Theory]
    [InlineData("B", "true")]
    [InlineData("N", "2.5")]
    [InlineData("inc(2)", "4.5")]
    [InlineData("S", "\"env\"")]
    [InlineData("U", "\"u\"")]
    [InlineData("DEP", "\"env-dep\"")]
    [InlineData("TOP", "\"top-env\"")]
    public void EnvironmentOverridesVariablesButNotAttributes(string expression, string expected)
    {
        var environment = new Dictionary<string, string> { ["B"] = "true", ["N"] = "2.5", ["S"] = "env", ["U"] = "u", ["TOP"] = "envtop" };
        Assert.Equal(expected, Eval(Scope(File, environment), expression));
    }

    [Theory]
    [InlineData("L", "[\"x\"]")]
    [InlineData("B", "yes")]
    [InlineData("N", "abc")]
    public void BadEnvironmentValuesFail(string name, string value)
    {
        var scope = Scope(File, new Dictionary<string, string> { [name] = value });
        var ex = Assert.Throws<KilnException>(() => scope.Get(name));
        Assert.Equal(ErrorCodes.HclInvalidVariableValue, ex.Code);
        Assert.Equal("docker-bake.hcl", ex.Span!.File);
    }

    [Fact]
    public void TypedVariablesConvertDefaultsAndEnvironment()
    {
        const string source = """
            variable "PORTS" {
              type    = list(number)
              default = ["80"]
            }
            variable "FLAGS" {
              type = map(bool)
            }
            """;
        Assert.Equal("[80]", Eval(Scope(source), "PORTS"));
        Assert.Equal("null", Eval(Scope(source), "FLAGS"));
        var scope = Scope(source, new Dictionary<string, string> { ["PORTS"] = "[1, 2]", ["FLAGS"] = "{a = true}" });
        Assert.Equal("[1,2]", Eval(scope, "PORTS"));
        Assert.Equal("{\"a\":true}", Eval(scope, "FLAGS"));
    }

    [Fact]
    public void CyclesAreReportedWithTheChain()
    {
        const string source = """
            variable "A" {
              default = "${B}"
            }
            variable "B" {
              default = "${C}"
            }
            C = A
            """;
        var ex = Assert.Throws<KilnException>(() => Scope(source).Get("A"));
        Assert.Equal(ErrorCodes.HclVariableCycle, ex.Code);
        Assert.Contains("A -> B -> C -> A", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void EvaluationIsLazy()
    {
        const string source = """
            variable "BROKEN" {
              default = nosuch
            }
            variable "FINE" {
              default = "ok"
            }
            """;
        var scope = Scope(source);
        Assert.Equal("ok", ((HclString)scope.Get("FINE")).Value);
        Assert.Equal(ErrorCodes.HclUnknownVariable, Assert.Throws<KilnException>(() => scope.Get("BROKEN")).Code);
    }

    [Fact]
    public void ValidationBlocksCheckTheFinalValue()
    {
        const string source = """
            variable "TAG" {
              default = "latest"
              validation {
                condition     = TAG != ""
                error_message = "TAG must not be empty"
              }
              validation {
                condition = strlen(TAG) < 10
              }
            }
            """;
        Assert.Equal("\"latest\"", Eval(Scope(source), "TAG"));
        var empty = Assert.Throws<KilnException>(() => Scope(source, new Dictionary<string, string> { ["TAG"] = "" }).Get("TAG"));
        Assert.Equal(ErrorCodes.HclValidationFailed, empty.Code);
        Assert.Equal("TAG must not be empty", empty.Message);
        Assert.Equal(new SourcePosition(4, 21), empty.Span!.Start);
        var longer = Assert.Throws<KilnException>(() => Scope(source, new Dictionary<string, string> { ["TAG"] = "0123456789" }).Get("TAG"));
        Assert.Equal(ErrorCodes.HclValidationFailed, longer.Code);
    }

    [Fact]
    public void LaterFilesOverrideEarlierDefinitions()
    {
        var first = HclParser.ParseFile("variable \"V\" {\n  default = \"one\"\n}\n", "a.hcl").Body;
        var second = HclParser.ParseFile("variable \"V\" {\n  default = \"two\"\n}\n", "b.hcl").Body;
        var scope = new GlobalScope([first, second], new Dictionary<string, string>(), new Dictionary<string, HclValue>(), HclStdlib.Create(HclTestContext.Environment));
        Assert.Equal("\"two\"", HclJson.Encode(scope.Get("V")));
        Assert.Equal(["V"], scope.VariableNames);
    }

    [Fact]
    public void FunctionBlocksNeedParamsAsNames()
    {
        var file = HclParser.ParseFile("function \"f\" {\n  params = [\"x\"]\n  result = 1\n}\n", "f.hcl");
        var ex = Assert.Throws<KilnException>(() => new GlobalScope([file.Body], new Dictionary<string, string>(), new Dictionary<string, HclValue>(), HclStdlib.Create(HclTestContext.Environment)));
        Assert.Equal(ErrorCodes.HclInvalidFunctionDefinition, ex.Code);
    }
}
