using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Sotong.Migrations.Sqlite.Migrations
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
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.CreateTable(
                name: "campaigns_campaign",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    Title = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Text = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: false),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    OptionsJson = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: false),
                    CorrectOption = table.Column<int>(type: "INTEGER", nullable: true),
                    SegmentJson = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: false),
                    Sender = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    Urgent = table.Column<bool>(type: "INTEGER", nullable: false),
                    ReplyWindowHours = table.Column<int>(type: "INTEGER", nullable: false),
                    State = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    DivisionId = table.Column<Guid>(type: "TEXT", nullable: true),
                    AuthorId = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    AuthorName = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    CreatedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    UpdatedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    ScheduledForUtc = table.Column<DateTime>(type: "TEXT", nullable: true),
                    RequestedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: true),
                    ApproverId = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true),
                    ApproverName = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    ApprovedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: true),
                    ReturnReason = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true),
                    BatchId = table.Column<Guid>(type: "TEXT", nullable: true),
                    StartedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: true),
                    SendsFromUtc = table.Column<DateTime>(type: "TEXT", nullable: true),
                    ReplyUntilUtc = table.Column<DateTime>(type: "TEXT", nullable: true),
                    AudienceSize = table.Column<int>(type: "INTEGER", nullable: true),
                    SentAtUtc = table.Column<DateTime>(type: "TEXT", nullable: true),
                    CancelledAtUtc = table.Column<DateTime>(type: "TEXT", nullable: true),
                    CancelReason = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true),
                    Version = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_campaigns_campaign", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "campaigns_draw",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    CampaignId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Seed = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    WinnerCount = table.Column<int>(type: "INTEGER", nullable: false),
                    EligibleCount = table.Column<int>(type: "INTEGER", nullable: false),
                    EligibleIds = table.Column<string>(type: "TEXT", nullable: false),
                    EligibleHash = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    WinnerIds = table.Column<string>(type: "TEXT", nullable: false),
                    DrawnAtUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    DrawnById = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    DrawnByName = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false)
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
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    CampaignId = table.Column<Guid>(type: "TEXT", nullable: false),
                    MessageId = table.Column<Guid>(type: "TEXT", nullable: false),
                    SubscriberId = table.Column<Guid>(type: "TEXT", nullable: false),
                    ReceivedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    Entry = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    Option = table.Column<int>(type: "INTEGER", nullable: true),
                    EntryText = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true)
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
                type: "TEXT",
                maxLength: 64,
                nullable: true);

            migrationBuilder.AddColumn<DateTime>(
                name: "ClaimedUntilUtc",
                table: "messaging_outbox",
                type: "TEXT",
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
