using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Sotong.Migrations.Sqlite.Migrations
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
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    SourceId = table.Column<Guid>(type: "TEXT", nullable: true),
                    Sender = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    Text = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: false),
                    Priority = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    Total = table.Column<int>(type: "INTEGER", nullable: false),
                    Submitted = table.Column<int>(type: "INTEGER", nullable: false),
                    Delivered = table.Column<int>(type: "INTEGER", nullable: false),
                    Failed = table.Column<int>(type: "INTEGER", nullable: false),
                    Cancelled = table.Column<int>(type: "INTEGER", nullable: false),
                    CreatedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    FirstSubmittedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: true),
                    LastSubmittedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_messaging_batch", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "messaging_outbox",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    BatchId = table.Column<Guid>(type: "TEXT", nullable: false),
                    IdempotencyKey = table.Column<string>(type: "TEXT", maxLength: 120, nullable: false),
                    ProtectedRecipient = table.Column<string>(type: "TEXT", maxLength: 400, nullable: false),
                    SubscriberId = table.Column<Guid>(type: "TEXT", nullable: true),
                    Priority = table.Column<int>(type: "INTEGER", nullable: false),
                    State = table.Column<int>(type: "INTEGER", nullable: false),
                    NotBeforeUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    ClaimedBy = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true),
                    ClaimedUntilUtc = table.Column<DateTime>(type: "TEXT", nullable: true),
                    Attempts = table.Column<int>(type: "INTEGER", nullable: false),
                    SmscMessageId = table.Column<string>(type: "TEXT", maxLength: 65, nullable: true),
                    Parts = table.Column<int>(type: "INTEGER", nullable: false),
                    ErrorCode = table.Column<int>(type: "INTEGER", nullable: true),
                    Error = table.Column<string>(type: "TEXT", maxLength: 300, nullable: true),
                    CreatedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    SubmittedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: true),
                    CompletedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_messaging_outbox", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "messaging_sender_number",
                columns: table => new
                {
                    Number = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    Label = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    IsActive = table.Column<bool>(type: "INTEGER", nullable: false),
                    RegisteredAtUtc = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_messaging_sender_number", x => x.Number);
                });

            migrationBuilder.CreateTable(
                name: "subscribers_dong",
                columns: table => new
                {
                    Code = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    NameKo = table.Column<string>(type: "TEXT", maxLength: 50, nullable: false),
                    NameEn = table.Column<string>(type: "TEXT", maxLength: 80, nullable: false),
                    SortOrder = table.Column<int>(type: "INTEGER", nullable: false),
                    IsActive = table.Column<bool>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_subscribers_dong", x => x.Code);
                });

            migrationBuilder.CreateTable(
                name: "subscribers_interest",
                columns: table => new
                {
                    Code = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    Bit = table.Column<int>(type: "INTEGER", nullable: false),
                    NameKo = table.Column<string>(type: "TEXT", maxLength: 50, nullable: false),
                    NameEn = table.Column<string>(type: "TEXT", maxLength: 80, nullable: false),
                    SortOrder = table.Column<int>(type: "INTEGER", nullable: false),
                    IsActive = table.Column<bool>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_subscribers_interest", x => x.Code);
                });

            migrationBuilder.CreateTable(
                name: "subscribers_subscriber",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    ProtectedPhone = table.Column<string>(type: "TEXT", maxLength: 400, nullable: false),
                    PhoneHash = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    PhoneLast4 = table.Column<string>(type: "TEXT", maxLength: 4, nullable: false),
                    Gender = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    BirthYear = table.Column<int>(type: "INTEGER", nullable: false),
                    DongCode = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    Interests = table.Column<int>(type: "INTEGER", nullable: false),
                    HouseholdId = table.Column<Guid>(type: "TEXT", nullable: true),
                    Status = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    Source = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    ConsentNoticeVersion = table.Column<int>(type: "INTEGER", nullable: false),
                    ConsentedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    CreatedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    ConfirmedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: true),
                    WithdrawnAtUtc = table.Column<DateTime>(type: "TEXT", nullable: true),
                    WithdrawnVia = table.Column<string>(type: "TEXT", maxLength: 32, nullable: true),
                    ExpiresAtUtc = table.Column<DateTime>(type: "TEXT", nullable: false)
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
