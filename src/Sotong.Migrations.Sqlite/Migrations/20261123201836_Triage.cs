using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Sotong.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class Triage : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "Intent",
                table: "inbox_message",
                type: "TEXT",
                maxLength: 16,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Topic",
                table: "inbox_message",
                type: "TEXT",
                maxLength: 40,
                nullable: true);

            migrationBuilder.CreateTable(
                name: "triage_decision",
                columns: table => new
                {
                    MessageId = table.Column<Guid>(type: "TEXT", nullable: false),
                    ReceivedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    DecidedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    Intent = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    IntentConfidence = table.Column<double>(type: "REAL", nullable: false),
                    Topic = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    TopicConfidence = table.Column<double>(type: "REAL", nullable: false),
                    District = table.Column<string>(type: "TEXT", maxLength: 20, nullable: true),
                    DivisionId = table.Column<Guid>(type: "TEXT", nullable: true),
                    DivisionConfidence = table.Column<double>(type: "REAL", nullable: false),
                    DivisionSource = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    RuleId = table.Column<Guid>(type: "TEXT", nullable: true),
                    MatchedKeyword = table.Column<string>(type: "TEXT", maxLength: 60, nullable: true),
                    Confidence = table.Column<double>(type: "REAL", nullable: false),
                    ModelVersion = table.Column<int>(type: "INTEGER", nullable: false),
                    State = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    GroupId = table.Column<Guid>(type: "TEXT", nullable: false),
                    ReviewedById = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true),
                    ReviewedByName = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    ReviewedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: true),
                    Version = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_triage_decision", x => x.MessageId);
                    table.ForeignKey(
                        name: "FK_triage_decision_inbox_message_MessageId",
                        column: x => x.MessageId,
                        principalTable: "inbox_message",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "triage_emerging_issue",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    Topic = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    District = table.Column<string>(type: "TEXT", maxLength: 20, nullable: true),
                    DetectedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    UpdatedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    LastHourCount = table.Column<int>(type: "INTEGER", nullable: false),
                    UsualPerHour = table.Column<double>(type: "REAL", nullable: false),
                    PeakCount = table.Column<int>(type: "INTEGER", nullable: false),
                    AcknowledgedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: true),
                    AcknowledgedByName = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_triage_emerging_issue", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "triage_example",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    Text = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: false),
                    Intent = table.Column<string>(type: "TEXT", maxLength: 16, nullable: true),
                    Topic = table.Column<string>(type: "TEXT", maxLength: 40, nullable: true),
                    DivisionId = table.Column<Guid>(type: "TEXT", nullable: true),
                    Source = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    BatchId = table.Column<Guid>(type: "TEXT", nullable: true),
                    MessageId = table.Column<Guid>(type: "TEXT", nullable: true),
                    IsTest = table.Column<bool>(type: "INTEGER", nullable: false),
                    CreatedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    CreatedByName = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_triage_example", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "triage_hourly_count",
                columns: table => new
                {
                    HourUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    Topic = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    District = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    Count = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_triage_hourly_count", x => new { x.HourUtc, x.Topic, x.District });
                });

            migrationBuilder.CreateTable(
                name: "triage_model",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    Number = table.Column<int>(type: "INTEGER", nullable: false),
                    State = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    Trigger = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    Percent = table.Column<int>(type: "INTEGER", nullable: false),
                    Phase = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    RequestedByName = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    CreatedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    FinishedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: true),
                    TrainCount = table.Column<int>(type: "INTEGER", nullable: false),
                    TestCount = table.Column<int>(type: "INTEGER", nullable: false),
                    KindMacroF1 = table.Column<double>(type: "REAL", nullable: true),
                    TopicMacroF1 = table.Column<double>(type: "REAL", nullable: true),
                    DivisionAccuracy = table.Column<double>(type: "REAL", nullable: true),
                    RoutingAccuracy = table.Column<double>(type: "REAL", nullable: true),
                    MetricsJson = table.Column<string>(type: "TEXT", nullable: true),
                    Bytes = table.Column<byte[]>(type: "BLOB", nullable: true),
                    Error = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    IsActive = table.Column<bool>(type: "INTEGER", nullable: false),
                    PromotedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: true),
                    PromotedByName = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    Version = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_triage_model", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "triage_routing_rule",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    Topic = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    Keywords = table.Column<string>(type: "TEXT", maxLength: 500, nullable: false),
                    District = table.Column<string>(type: "TEXT", maxLength: 20, nullable: true),
                    DivisionId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Note = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    UpdatedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    UpdatedByName = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    Version = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_triage_routing_rule", x => x.Id);
                    table.ForeignKey(
                        name: "FK_triage_routing_rule_org_department_DivisionId",
                        column: x => x.DivisionId,
                        principalTable: "org_department",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "triage_setting",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    ConfidenceThreshold = table.Column<double>(type: "REAL", nullable: false),
                    ModelDivisionThreshold = table.Column<double>(type: "REAL", nullable: false),
                    PreferLearnedDivision = table.Column<bool>(type: "INTEGER", nullable: false),
                    SpikeRatio = table.Column<double>(type: "REAL", nullable: false),
                    SpikeMinimum = table.Column<int>(type: "INTEGER", nullable: false),
                    Version = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_triage_setting", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "triage_topic",
                columns: table => new
                {
                    Key = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    NameKo = table.Column<string>(type: "TEXT", maxLength: 60, nullable: false),
                    NameEn = table.Column<string>(type: "TEXT", maxLength: 60, nullable: false),
                    SortOrder = table.Column<int>(type: "INTEGER", nullable: false),
                    IsActive = table.Column<bool>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_triage_topic", x => x.Key);
                });

            migrationBuilder.CreateIndex(
                name: "IX_inbox_message_ReceivedAtUtc",
                table: "inbox_message",
                column: "ReceivedAtUtc");

            migrationBuilder.CreateIndex(
                name: "IX_triage_decision_GroupId",
                table: "triage_decision",
                column: "GroupId");

            migrationBuilder.CreateIndex(
                name: "IX_triage_decision_ReceivedAtUtc",
                table: "triage_decision",
                column: "ReceivedAtUtc");

            migrationBuilder.CreateIndex(
                name: "IX_triage_decision_State_ReceivedAtUtc",
                table: "triage_decision",
                columns: new[] { "State", "ReceivedAtUtc" });

            migrationBuilder.CreateIndex(
                name: "IX_triage_emerging_issue_DetectedAtUtc",
                table: "triage_emerging_issue",
                column: "DetectedAtUtc");

            migrationBuilder.CreateIndex(
                name: "IX_triage_example_MessageId",
                table: "triage_example",
                column: "MessageId");

            migrationBuilder.CreateIndex(
                name: "IX_triage_example_Source_CreatedAtUtc",
                table: "triage_example",
                columns: new[] { "Source", "CreatedAtUtc" });

            migrationBuilder.CreateIndex(
                name: "IX_triage_model_Number",
                table: "triage_model",
                column: "Number",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_triage_routing_rule_DivisionId",
                table: "triage_routing_rule",
                column: "DivisionId");

            migrationBuilder.CreateIndex(
                name: "IX_triage_routing_rule_Topic",
                table: "triage_routing_rule",
                column: "Topic");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "triage_decision");

            migrationBuilder.DropTable(
                name: "triage_emerging_issue");

            migrationBuilder.DropTable(
                name: "triage_example");

            migrationBuilder.DropTable(
                name: "triage_hourly_count");

            migrationBuilder.DropTable(
                name: "triage_model");

            migrationBuilder.DropTable(
                name: "triage_routing_rule");

            migrationBuilder.DropTable(
                name: "triage_setting");

            migrationBuilder.DropTable(
                name: "triage_topic");

            migrationBuilder.DropIndex(
                name: "IX_inbox_message_ReceivedAtUtc",
                table: "inbox_message");

            migrationBuilder.DropColumn(
                name: "Intent",
                table: "inbox_message");

            migrationBuilder.DropColumn(
                name: "Topic",
                table: "inbox_message");
        }
    }
}
