using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Sotong.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class DeadlineSettings : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "cases_deadline_setting",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    QuestionDays = table.Column<int>(type: "INTEGER", nullable: false),
                    LawInterpretationDays = table.Column<int>(type: "INTEGER", nullable: false),
                    SuggestionDays = table.Column<int>(type: "INTEGER", nullable: false),
                    GrievanceDays = table.Column<int>(type: "INTEGER", nullable: false),
                    OtherDays = table.Column<int>(type: "INTEGER", nullable: false),
                    OtherHours = table.Column<double>(type: "REAL", nullable: false),
                    WorkdayStart = table.Column<TimeOnly>(type: "TEXT", nullable: false),
                    WorkdayEnd = table.Column<TimeOnly>(type: "TEXT", nullable: false),
                    LunchStart = table.Column<TimeOnly>(type: "TEXT", nullable: false),
                    LunchEnd = table.Column<TimeOnly>(type: "TEXT", nullable: false),
                    ReceiptDayCounts = table.Column<bool>(type: "INTEGER", nullable: false),
                    Version = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_cases_deadline_setting", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "cases_extra_holiday",
                columns: table => new
                {
                    Date = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_cases_extra_holiday", x => x.Date);
                });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "cases_deadline_setting");

            migrationBuilder.DropTable(
                name: "cases_extra_holiday");
        }
    }
}
