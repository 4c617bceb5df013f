using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Sotong.Migrations.Postgres.Migrations
{
    /// <inheritdoc />
    public partial class MessagingDispatch : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_messaging_outbox_BatchId_State",
                table: "messaging_outbox");

            migrationBuilder.DropIndex(
                name: "IX_messaging_outbox_claims",
                table: "messaging_outbox");

            migrationBuilder.DropIndex(
                name: "IX_messaging_outbox_SubscriberId",
                table: "messaging_outbox");

            migrationBuilder.DropColumn(
                name: "ClaimedBy",
                table: "messaging_outbox");

            migrationBuilder.DropColumn(
                name: "ClaimedUntilUtc",
                table: "messaging_outbox");

            migrationBuilder.AddColumn<int>(
                name: "Undelivered",
                table: "messaging_batch",
                type: "integer",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.CreateTable(
                name: "campaigns_campaign",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    Title = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Text = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: false),
                    Kind = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    OptionsJson = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: false),
                    CorrectOption = table.Column<int>(type: "integer", nullable: true),
                    SegmentJson = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: false),
                    Sender = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    Urgent = table.Column<bool>(type: "boolean", nullable: false),
                    ReplyWindowHours = table.Column<int>(type: "integer", nullable: false),
                    State = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    DivisionId = table.Column<Guid>(type: "uuid", nullable: true),
                    AuthorId = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    AuthorName = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    CreatedAtUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    UpdatedAtUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    ScheduledForUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    RequestedAtUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    ApproverId = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true),
                    ApproverName = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    ApprovedAtUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    ReturnReason = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true),
                    BatchId = table.Column<Guid>(type: "uuid", nullable: true),
                    StartedAtUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    SendsFromUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    ReplyUntilUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    AudienceSize = table.Column<int>(type: "integer", nullable: true),
                    SentAtUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    CancelledAtUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    CancelReason = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true),
                    Version = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_campaigns_campaign", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "campaigns_draw",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    CampaignId = table.Column<Guid>(type: "uuid", nullable: false),
                    Seed = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    WinnerCount = table.Column<int>(type: "integer", nullable: false),
                    EligibleCount = table.Column<int>(type: "integer", nullable: false),
                    EligibleIds = table.Column<string>(type: "text", nullable: false),
                    EligibleHash = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    WinnerIds = table.Column<string>(type: "text", nullable: false),
                    DrawnAtUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    DrawnById = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    DrawnByName = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_campaigns_draw", x => x.Id);
                    table.ForeignKey(
                        name: "FK_campaigns_draw_campaigns_campaign_CampaignId",
                        column: x => x.CampaignId,
                        principalTable: "campaigns_campaign",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "campaigns_reply",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    CampaignId = table.Column<Guid>(type: "uuid", nullable: false),
                    MessageId = table.Column<Guid>(type: "uuid", nullable: false),
                    SubscriberId = table.Column<Guid>(type: "uuid", nullable: false),
                    ReceivedAtUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    Entry = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    Option = table.Column<int>(type: "integer", nullable: true),
                    EntryText = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_campaigns_reply", x => x.Id);
                    table.ForeignKey(
                        name: "FK_campaigns_reply_campaigns_campaign_CampaignId",
                        column: x => x.CampaignId,
                        principalTable: "campaigns_campaign",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_messaging_outbox_BatchId",
                table: "messaging_outbox",
                column: "BatchId");

            migrationBuilder.CreateIndex(
                name: "IX_campaigns_campaign_BatchId",
                table: "campaigns_campaign",
                column: "BatchId",
                unique: true,
                filter: "\"BatchId\" IS NOT NULL");

            migrationBuilder.CreateIndex(
                name: "IX_campaigns_campaign_CreatedAtUtc",
                table: "campaigns_campaign",
                column: "CreatedAtUtc");

            migrationBuilder.CreateIndex(
                name: "IX_campaigns_campaign_DivisionId_CreatedAtUtc",
                table: "campaigns_campaign",
                columns: new[] { "DivisionId", "CreatedAtUtc" });

            migrationBuilder.CreateIndex(
                name: "IX_campaigns_campaign_ReplyUntilUtc",
                table: "campaigns_campaign",
                column: "ReplyUntilUtc");

            migrationBuilder.CreateIndex(
                name: "IX_campaigns_campaign_State_ScheduledForUtc",
                table: "campaigns_campaign",
                columns: new[] { "State", "ScheduledForUtc" });

            migrationBuilder.CreateIndex(
                name: "IX_campaigns_draw_CampaignId",
                table: "campaigns_draw",
                column: "CampaignId",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_campaigns_reply_CampaignId_ReceivedAtUtc",
                table: "campaigns_reply",
                columns: new[] { "CampaignId", "ReceivedAtUtc" });

            migrationBuilder.CreateIndex(
                name: "IX_campaigns_reply_CampaignId_SubscriberId",
                table: "campaigns_reply",
                columns: new[] { "CampaignId", "SubscriberId" });

            migrationBuilder.CreateIndex(
                name: "IX_campaigns_reply_MessageId",
                table: "campaigns_reply",
                column: "MessageId",
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "campaigns_draw");

            migrationBuilder.DropTable(
                name: "campaigns_reply");

            migrationBuilder.DropTable(
                name: "campaigns_campaign");

            migrationBuilder.DropIndex(
                name: "IX_messaging_outbox_BatchId",
                table: "messaging_outbox");

            migrationBuilder.DropColumn(
                name: "Undelivered",
                table: "messaging_batch");

            migrationBuilder.AddColumn<string>(
                name: "ClaimedBy",
                table: "messaging_outbox",
                type: "character varying(64)",
                maxLength: 64,
                nullable: true);

            migrationBuilder.AddColumn<DateTime>(
                name: "ClaimedUntilUtc",
                table: "messaging_outbox",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.CreateIndex(
                name: "IX_messaging_outbox_BatchId_State",
                table: "messaging_outbox",
                columns: new[] { "BatchId", "State" });

            migrationBuilder.CreateIndex(
                name: "IX_messaging_outbox_claims",
                table: "messaging_outbox",
                column: "ClaimedUntilUtc",
                filter: "\"State\" = 1");

            migrationBuilder.CreateIndex(
                name: "IX_messaging_outbox_SubscriberId",
                table: "messaging_outbox",
                column: "SubscriberId");
        }
    }
}
