using System.Diagnostics;
using Microsoft.Data.Sqlite;

namespace Sotong.IntegrationTests.Triage;

/// <summary>The command-line import (<c>Sotong.Web triage import file</c>), run as its own process on a SQLite file.</summary>
public sealed class TriageCommandTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("sotong-cli-").FullName;

    private string Database => Path.Combine(_dir, "cli.db");

    private async Task<(int Exit, string Output)> RunAsync(params string[] args)
    {
        var start = new ProcessStartInfo("dotnet") { WorkingDirectory = _dir, RedirectStandardOutput = true, RedirectStandardError = true };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "Sotong.Web.dll"));
        foreach (var a in args)
        {
            start.ArgumentList.Add(a);
        }
        start.Environment["ConnectionStrings__Sotong"] = $"Data Source={Database};Pooling=False";
        start.Environment["Demo__Enabled"] = "true";
        start.Environment["Triage__Enabled"] = "false";
        start.Environment["Logging__LogLevel__Default"] = "Warning";
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync().WaitAsync(TimeSpan.FromMinutes(3));
        return (process.ExitCode, await output + await error);
    }

    [Fact]
    public async Task Given_a_history_file_Then_the_command_reports_rows_and_stores_only_when_not_a_dry_run()
    {
        var file = Path.Combine(_dir, "history.csv");
        await File.WriteAllTextAsync(file, "text,division,kind,topic\n\"7011번 버스가 너무 늦어요\",TRN-BUS,민원,교통\n\"쓰레기 수거일 문의\",ENV-RES,Question,\n,TRN-BUS,,\n\"무슨 과\",NOPE,,\n");

        var dry = await RunAsync("triage", "import", file, "--dry-run");
        dry.Exit.ShouldBe(0, dry.Output);
        dry.Output.ShouldContain("4 rows: 0 imported, 2 skipped");
        dry.Output.ShouldContain("row 4 text");
        dry.Output.ShouldContain("row 5 division");
        (await CountAsync()).ShouldBe(0);

        var real = await RunAsync("triage", "import", file, "--no-train");
        real.Exit.ShouldBe(0, real.Output);
        real.Output.ShouldContain("4 rows: 2 imported");
        (await CountAsync()).ShouldBe(2);

        var missing = await RunAsync("triage", "import", Path.Combine(_dir, "nope.csv"));
        missing.Exit.ShouldBe(2);
        missing.Output.ShouldContain("Usage: triage import");
    }

    [Fact]
    public async Task Given_a_jsonl_history_Then_the_command_trains_a_model_and_with_promote_makes_the_next_one_live()
    {
        var first = Path.Combine(_dir, "history-1.jsonl");
        await File.WriteAllTextAsync(first, TriageHistory.Jsonl(TriageHistory.Rows(0, 300)));
        var trained = await RunAsync("triage", "import", first);
        trained.Exit.ShouldBe(0, trained.Output);
        trained.Output.ShouldContain("300 rows: ");
        trained.Output.ShouldContain("Training model v1");
        trained.Output.ShouldContain("v1 Ready: kind macro-F1 0.");
        trained.Output.ShouldContain("v1 is live (the first model goes live by itself).");
        var stored = await CountAsync();
        stored.ShouldBeGreaterThan(250);

        // The same file again adds nothing and is not an error.
        var again = await RunAsync("triage", "import", first, "--no-train");
        again.Exit.ShouldBe(0, again.Output);
        again.Output.ShouldContain("300 rows: 0 imported, 300 skipped (300 duplicates)");
        (await CountAsync()).ShouldBe(stored);

        var second = Path.Combine(_dir, "history-2.jsonl");
        await File.WriteAllTextAsync(second, TriageHistory.Jsonl(TriageHistory.Rows(300, 120)));
        var promoted = await RunAsync("triage", "import", second, "--promote");
        promoted.Exit.ShouldBe(0, promoted.Output);
        promoted.Output.ShouldContain("Training model v2");
        promoted.Output.ShouldContain("v2 Ready");
        promoted.Output.ShouldContain("v2 is live.");
        (await CountAsync()).ShouldBeGreaterThan(stored);
        (await ModelsAsync()).ShouldBe([(1L, "Ready", 0L), (2L, "Ready", 1L)]);
    }

    private async Task<List<(long Number, string State, long IsActive)>> ModelsAsync()
    {
        await using var connection = new SqliteConnection($"Data Source={Database};Pooling=False");
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT \"Number\", \"State\", \"IsActive\" FROM triage_model ORDER BY \"Number\"";
        await using var reader = await command.ExecuteReaderAsync();
        var models = new List<(long, string, long)>();
        while (await reader.ReadAsync())
        {
            models.Add((reader.GetInt64(0), reader.GetString(1), reader.GetInt64(2)));
        }
        return models;
    }

    private async Task<long> CountAsync()
    {
        await using var connection = new SqliteConnection($"Data Source={Database};Pooling=False");
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT count(*) FROM triage_example WHERE \"Source\" = 'Import'";
        return (long)(await command.ExecuteScalarAsync())!;
    }

    public void Dispose() => Directory.Delete(_dir, recursive: true);
}
