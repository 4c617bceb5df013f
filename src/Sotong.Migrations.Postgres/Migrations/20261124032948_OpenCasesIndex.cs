using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Sotong.Migrations.Postgres.Migrations
{
    /// <inheritdoc />
    public partial class OpenCasesIndex : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateIndex(
                name: "IX_cases_case_open",
                table: "cases_case",
                columns: new[] { "DivisionId", "DueAtUtc" },
                filter: "\"State\" IN ('Received', 'Assigned', 'InProgress', 'Extended') OR (\"State\" = 'Transferred' AND \"TransferredToAgency\" IS NULL)");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_cases_case_open",
                table: "cases_case");
        }
    }
}
