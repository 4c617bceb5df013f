using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Sotong.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class UnlabelledIndex : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateIndex(
                name: "IX_inbox_message_unlabelled",
                table: "inbox_message",
                column: "ReceivedAtUtc",
                filter: "\"Topic\" IS NULL");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_inbox_message_unlabelled",
                table: "inbox_message");
        }
    }
}
