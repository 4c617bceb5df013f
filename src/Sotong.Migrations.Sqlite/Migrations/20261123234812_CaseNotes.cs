using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Sotong.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class CaseNotes : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<DateTime>(
                name: "EscalatedAtUtc",
                table: "cases_case",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<DateTime>(
                name: "ProgressNoticeAtUtc",
                table: "cases_case",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<DateTime>(
                name: "RemindedAtUtc",
                table: "cases_case",
                type: "TEXT",
                nullable: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "EscalatedAtUtc",
                table: "cases_case");

            migrationBuilder.DropColumn(
                name: "ProgressNoticeAtUtc",
                table: "cases_case");

            migrationBuilder.DropColumn(
                name: "RemindedAtUtc",
                table: "cases_case");
        }
    }
}
