using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Sotong.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class TriageImportBatches : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "TextHash",
                table: "triage_example",
                type: "TEXT",
                maxLength: 64,
                nullable: true);

            migrationBuilder.CreateTable(
                name: "triage_import_batch",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    FileName = table.Column<string>(type: "TEXT", maxLength: 260, nullable: true),
                    Rows = table.Column<int>(type: "INTEGER", nullable: false),
                    Added = table.Column<int>(type: "INTEGER", nullable: false),
                    Duplicates = table.Column<int>(type: "INTEGER", nullable: false),
                    Errors = table.Column<int>(type: "INTEGER", nullable: false),
                    CreatedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    CreatedById = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true),
                    CreatedByName = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_triage_import_batch", x => x.Id);
                });

            // Imports from before this migration become batches too (file name, duplicates and errors were not kept).
            migrationBuilder.Sql("INSERT INTO triage_import_batch (\"Id\", \"FileName\", \"Rows\", \"Added\", \"Duplicates\", \"Errors\", \"CreatedAtUtc\", \"CreatedById\", \"CreatedByName\") " +
                "SELECT \"BatchId\", NULL, count(*), count(*), 0, 0, min(\"CreatedAtUtc\"), NULL, min(\"CreatedByName\") " +
                "FROM triage_example WHERE \"BatchId\" IS NOT NULL AND \"Source\" = 'Import' GROUP BY \"BatchId\";");

            // Existing rows keep a NULL hash here (the normaliser is C#, not SQL), so the unique index below cannot fail on
            // duplicates a re-import already stored: NULLs are distinct. ExampleHashBackfill fills the hashes at start-up
            // and removes those duplicates.
            migrationBuilder.CreateIndex(
                name: "IX_triage_example_BatchId",
                table: "triage_example",
                column: "BatchId");

            migrationBuilder.CreateIndex(
                name: "IX_triage_example_TextHash_DivisionId",
                table: "triage_example",
                columns: new[] { "TextHash", "DivisionId" },
                unique: true,
                filter: "\"Source\" = 'Import'");

            migrationBuilder.CreateIndex(
                name: "IX_triage_import_batch_CreatedAtUtc",
                table: "triage_import_batch",
                column: "CreatedAtUtc");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "triage_import_batch");

            migrationBuilder.DropIndex(
                name: "IX_triage_example_BatchId",
                table: "triage_example");

            migrationBuilder.DropIndex(
                name: "IX_triage_example_TextHash_DivisionId",
                table: "triage_example");

            migrationBuilder.DropColumn(
                name: "TextHash",
                table: "triage_example");
        }
    }
}
