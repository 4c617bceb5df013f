using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Sotong.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class PortalScale : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateIndex(
                name: "IX_cases_case_DivisionId_ReceivedAtUtc",
                table: "cases_case",
                columns: new[] { "DivisionId", "ReceivedAtUtc" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_cases_case_DivisionId_ReceivedAtUtc",
                table: "cases_case");
        }
    }
}
