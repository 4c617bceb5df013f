using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Sotong.Migrations.Postgres.Migrations
{
    /// <inheritdoc />
    public partial class Messaging : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "messaging_batch",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    Kind = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    SourceId = table.Column<Guid>(type: "uuid", nullable: true),
                    Sender = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    Text = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: false),
                    Priority = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    Total = table.Column<int>(type: "integer", nullable: false),
                    Submitted = table.Column<int>(type: "integer", nullable: false),
                    Delivered = table.Column<int>(type: "integer", nullable: false),
                    Failed = table.Column<int>(type: "integer", nullable: false),
                    Cancelled = table.Column<int>(type: "integer", nullable: false),
                    CreatedAtUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    FirstSubmittedAtUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    LastSubmittedAtUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_messaging_batch", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "messaging_outbox",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    BatchId = table.Column<Guid>(type: "uuid", nullable: false),
                    IdempotencyKey = table.Column<string>(type: "character varying(120)", maxLength: 120, nullable: false),
                    ProtectedRecipient = table.Column<string>(type: "character varying(400)", maxLength: 400, nullable: false),
                    SubscriberId = table.Column<Guid>(type: "uuid", nullable: true),
                    Priority = table.Column<int>(type: "integer", nullable: false),
                    State = table.Column<int>(type: "integer", nullable: false),
                    NotBeforeUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    ClaimedBy = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true),
                    ClaimedUntilUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    Attempts = table.Column<int>(type: "integer", nullable: false),
                    SmscMessageId = table.Column<string>(type: "character varying(65)", maxLength: 65, nullable: true),
                    Parts = table.Column<int>(type: "integer", nullable: false),
                    ErrorCode = table.Column<int>(type: "integer", nullable: true),
                    Error = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: true),
                    CreatedAtUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    SubmittedAtUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    CompletedAtUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_messaging_outbox", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "messaging_sender_number",
                columns: table => new
                {
                    Number = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    Label = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    IsActive = table.Column<bool>(type: "boolean", nullable: false),
                    RegisteredAtUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_messaging_sender_number", x => x.Number);
                });

            migrationBuilder.CreateTable(
                name: "subscribers_dong",
                columns: table => new
                {
                    Code = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    NameKo = table.Column<string>(type: "character varying(50)", maxLength: 50, nullable: false),
                    NameEn = table.Column<string>(type: "character varying(80)", maxLength: 80, nullable: false),
                    SortOrder = table.Column<int>(type: "integer", nullable: false),
                    IsActive = table.Column<bool>(type: "boolean", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_subscribers_dong", x => x.Code);
                });

            migrationBuilder.CreateTable(
                name: "subscribers_interest",
                columns: table => new
                {
                    Code = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    Bit = table.Column<int>(type: "integer", nullable: false),
                    NameKo = table.Column<string>(type: "character varying(50)", maxLength: 50, nullable: false),
                    NameEn = table.Column<string>(type: "character varying(80)", maxLength: 80, nullable: false),
                    SortOrder = table.Column<int>(type: "integer", nullable: false),
                    IsActive = table.Column<bool>(type: "boolean", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_subscribers_interest", x => x.Code);
                });

            migrationBuilder.CreateTable(
                name: "subscribers_subscriber",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    ProtectedPhone = table.Column<string>(type: "character varying(400)", maxLength: 400, nullable: false),
                    PhoneHash = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    PhoneLast4 = table.Column<string>(type: "character varying(4)", maxLength: 4, nullable: false),
                    Gender = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    BirthYear = table.Column<int>(type: "integer", nullable: false),
                    DongCode = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    Interests = table.Column<int>(type: "integer", nullable: false),
                    HouseholdId = table.Column<Guid>(type: "uuid", nullable: true),
                    Status = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    Source = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    ConsentNoticeVersion = table.Column<int>(type: "integer", nullable: false),
                    ConsentedAtUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    CreatedAtUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    ConfirmedAtUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    WithdrawnAtUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    WithdrawnVia = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: true),
                    ExpiresAtUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_subscribers_subscriber", x => x.Id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_messaging_batch_Kind_SourceId",
                table: "messaging_batch",
                columns: new[] { "Kind", "SourceId" });

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
                name: "IX_messaging_outbox_IdempotencyKey",
                table: "messaging_outbox",
                column: "IdempotencyKey",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_messaging_outbox_queue",
                table: "messaging_outbox",
                columns: new[] { "Priority", "NotBeforeUtc", "Id" },
                filter: "\"State\" = 0");

            migrationBuilder.CreateIndex(
                name: "IX_messaging_outbox_SmscMessageId",
                table: "messaging_outbox",
                column: "SmscMessageId",
                filter: "\"SmscMessageId\" IS NOT NULL");

            migrationBuilder.CreateIndex(
                name: "IX_messaging_outbox_SubscriberId",
                table: "messaging_outbox",
                column: "SubscriberId");

            migrationBuilder.CreateIndex(
                name: "IX_subscribers_interest_Bit",
                table: "subscribers_interest",
                column: "Bit",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_subscribers_subscriber_HouseholdId",
                table: "subscribers_subscriber",
                column: "HouseholdId");

            migrationBuilder.CreateIndex(
                name: "IX_subscribers_subscriber_PhoneHash",
                table: "subscribers_subscriber",
                column: "PhoneHash",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_subscribers_subscriber_Status_DongCode_BirthYear",
                table: "subscribers_subscriber",
                columns: new[] { "Status", "DongCode", "BirthYear" });

            migrationBuilder.CreateIndex(
                name: "IX_subscribers_subscriber_Status_ExpiresAtUtc",
                table: "subscribers_subscriber",
                columns: new[] { "Status", "ExpiresAtUtc" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "messaging_batch");

            migrationBuilder.DropTable(
                name: "messaging_outbox");

            migrationBuilder.DropTable(
                name: "messaging_sender_number");

            migrationBuilder.DropTable(
                name: "subscribers_dong");

            migrationBuilder.DropTable(
                name: "subscribers_interest");

            migrationBuilder.DropTable(
                name: "subscribers_subscriber");
        }
    }
}
