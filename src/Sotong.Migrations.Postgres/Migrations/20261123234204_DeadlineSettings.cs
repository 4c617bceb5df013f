using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace Sotong.Migrations.Postgres.Migrations
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
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    QuestionDays = table.Column<int>(type: "integer", nullable: false),
                    LawInterpretationDays = table.Column<int>(type: "integer", nullable: false),
                    SuggestionDays = table.Column<int>(type: "integer", nullable: false),
                    GrievanceDays = table.Column<int>(type: "integer", nullable: false),
                    OtherDays = table.Column<int>(type: "integer", nullable: false),
                    OtherHours = table.Column<double>(type: "double precision", nullable: false),
                    WorkdayStart = table.Column<TimeOnly>(type: "time without time zone", nullable: false),
                    WorkdayEnd = table.Column<TimeOnly>(type: "time without time zone", nullable: false),
                    LunchStart = table.Column<TimeOnly>(type: "time without time zone", nullable: false),
                    LunchEnd = table.Column<TimeOnly>(type: "time without time zone", nullable: false),
                    ReceiptDayCounts = table.Column<bool>(type: "boolean", nullable: false),
                    Version = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_cases_deadline_setting", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "cases_extra_holiday",
                columns: table => new
                {
                    Date = table.Column<DateOnly>(type: "date", nullable: false),
                    Name = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false)
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
