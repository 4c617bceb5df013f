using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Sotong.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class Cases : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "cases_case",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    ReceiptNumber = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    Title = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Type = table.Column<string>(type: "TEXT", maxLength: 24, nullable: false),
                    State = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    DivisionId = table.Column<Guid>(type: "TEXT", nullable: true),
                    AssignedToId = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true),
                    AssignedToName = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    ReceivedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    DueAtUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    OriginalDueAtUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    Extensions = table.Column<int>(type: "INTEGER", nullable: false),
                    AnswerText = table.Column<string>(type: "TEXT", maxLength: 8000, nullable: true),
                    AnsweredAtUtc = table.Column<DateTime>(type: "TEXT", nullable: true),
                    AnsweredByName = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    Answers = table.Column<int>(type: "INTEGER", nullable: false),
                    Repeats = table.Column<int>(type: "INTEGER", nullable: false),
                    TransferredToAgency = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    MergedIntoId = table.Column<Guid>(type: "TEXT", nullable: true),
                    ClosedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: true),
                    RemindedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: true),
                    EscalatedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: true),
                    ProgressNoticeAtUtc = table.Column<DateTime>(type: "TEXT", nullable: true),
                    Version = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_cases_case", x => x.Id);
                });

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

            migrationBuilder.CreateTable(
                name: "cases_case_message",
                columns: table => new
                {
                    CaseId = table.Column<Guid>(type: "TEXT", nullable: false),
                    MessageId = table.Column<Guid>(type: "TEXT", nullable: false),
                    AttachedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_cases_case_message", x => new { x.CaseId, x.MessageId });
                    table.ForeignKey(
                        name: "FK_cases_case_message_cases_case_CaseId",
                        column: x => x.CaseId,
                        principalTable: "cases_case",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_cases_case_message_inbox_message_MessageId",
                        column: x => x.MessageId,
                        principalTable: "inbox_message",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "cases_event",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    CaseId = table.Column<Guid>(type: "TEXT", nullable: false),
                    AtUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    Action = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    From = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    To = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    ActorId = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    ActorName = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    Reason = table.Column<string>(type: "TEXT", maxLength: 1210, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_cases_event", x => x.Id);
                    table.ForeignKey(
                        name: "FK_cases_event_cases_case_CaseId",
                        column: x => x.CaseId,
                        principalTable: "cases_case",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_cases_case_AssignedToId_State_DueAtUtc",
                table: "cases_case",
                columns: new[] { "AssignedToId", "State", "DueAtUtc" });

            migrationBuilder.CreateIndex(
                name: "IX_cases_case_DivisionId_State_DueAtUtc",
                table: "cases_case",
                columns: new[] { "DivisionId", "State", "DueAtUtc" });

            migrationBuilder.CreateIndex(
                name: "IX_cases_case_ReceiptNumber",
                table: "cases_case",
                column: "ReceiptNumber",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_cases_case_ReceivedAtUtc",
                table: "cases_case",
                column: "ReceivedAtUtc");

            migrationBuilder.CreateIndex(
                name: "IX_cases_case_message_MessageId",
                table: "cases_case_message",
                column: "MessageId",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_cases_event_CaseId_AtUtc",
                table: "cases_event",
                columns: new[] { "CaseId", "AtUtc" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "cases_case_message");

            migrationBuilder.DropTable(
                name: "cases_deadline_setting");

            migrationBuilder.DropTable(
                name: "cases_event");

            migrationBuilder.DropTable(
                name: "cases_extra_holiday");

            migrationBuilder.DropTable(
                name: "cases_case");
        }
    }
}
