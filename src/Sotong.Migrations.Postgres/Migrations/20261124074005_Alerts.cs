using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Sotong.Migrations.Postgres.Migrations
{
    /// <inheritdoc />
    public partial class Alerts : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "alerts_alert",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    Identifier = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    Status = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    MsgType = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    ReferencesId = table.Column<Guid>(type: "uuid", nullable: true),
                    HazardKey = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    Category = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    EventKo = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    EventEn = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    Urgency = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    Severity = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    Certainty = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    ResponseType = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    OnsetAtUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    ExpiresAtUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    SmsText = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    HeadlineKo = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    HeadlineEn = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    DescriptionKo = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: false),
                    DescriptionEn = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: false),
                    InstructionKo = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: false),
                    InstructionEn = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: false),
                    AreaDescKo = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: false),
                    AreaDescEn = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: false),
                    DongCodes = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: false),
                    Polygon = table.Column<string>(type: "character varying(8000)", maxLength: 8000, nullable: true),
                    AudienceAll = table.Column<bool>(type: "boolean", nullable: false),
                    State = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    AuthorId = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    AuthorName = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    CreatedAtUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    SubmittedAtUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    ApproverId = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true),
                    ApproverName = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    IssuedAtUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    RejectReason = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true),
                    SupersededById = table.Column<Guid>(type: "uuid", nullable: true),
                    CapDocument = table.Column<string>(type: "character varying(100000)", maxLength: 100000, nullable: true),
                    BatchId = table.Column<Guid>(type: "uuid", nullable: true),
                    SmsAudience = table.Column<int>(type: "integer", nullable: true),
                    SmsQueuedAtUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    BannerPushedAtUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    SnsFinishedAtUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    FanOutDone = table.Column<bool>(type: "boolean", nullable: false),
                    FanOutLeaseUntilUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    FanOutLeaseNode = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: true),
                    Version = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_alerts_alert", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "alerts_sns_post",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    AlertId = table.Column<Guid>(type: "uuid", nullable: false),
                    AccountId = table.Column<Guid>(type: "uuid", nullable: false),
                    Platform = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    Handle = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Posted = table.Column<bool>(type: "boolean", nullable: false),
                    ProviderPostId = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    Error = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true),
                    Attempts = table.Column<int>(type: "integer", nullable: false),
                    TookMs = table.Column<int>(type: "integer", nullable: false),
                    AtUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_alerts_sns_post", x => x.Id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_alerts_alert_Identifier",
                table: "alerts_alert",
                column: "Identifier",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_alerts_alert_ReferencesId",
                table: "alerts_alert",
                column: "ReferencesId");

            migrationBuilder.CreateIndex(
                name: "IX_alerts_alert_State_ExpiresAtUtc",
                table: "alerts_alert",
                columns: new[] { "State", "ExpiresAtUtc" });

            migrationBuilder.CreateIndex(
                name: "IX_alerts_alert_State_FanOutDone",
                table: "alerts_alert",
                columns: new[] { "State", "FanOutDone" });

            migrationBuilder.CreateIndex(
                name: "IX_alerts_sns_post_AlertId_AccountId",
                table: "alerts_sns_post",
                columns: new[] { "AlertId", "AccountId" },
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "alerts_alert");

            migrationBuilder.DropTable(
                name: "alerts_sns_post");
        }
    }
}
