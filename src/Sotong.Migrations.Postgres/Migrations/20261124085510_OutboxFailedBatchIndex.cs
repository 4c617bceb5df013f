using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Sotong.Migrations.Postgres.Migrations
{
    /// <inheritdoc />
    public partial class OutboxFailedBatchIndex : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_messaging_outbox_batch_open",
                table: "messaging_outbox");

            migrationBuilder.CreateIndex(
                name: "IX_messaging_outbox_batch_failed",
                table: "messaging_outbox",
                column: "BatchId",
                filter: "\"State\" IN (3, 5)");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_messaging_outbox_batch_failed",
                table: "messaging_outbox");

            migrationBuilder.CreateIndex(
                name: "IX_messaging_outbox_batch_open",
                table: "messaging_outbox",
                column: "BatchId",
                filter: "\"State\" IN (0, 3, 5)");
        }
    }
}
