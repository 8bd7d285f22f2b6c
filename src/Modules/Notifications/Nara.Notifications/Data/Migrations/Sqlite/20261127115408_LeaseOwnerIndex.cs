using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Nara.Notifications.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class LeaseOwnerIndex : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateIndex(
                name: "IX_notifications_messages_LeaseOwner",
                table: "notifications_messages",
                column: "LeaseOwner");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_notifications_messages_LeaseOwner",
                table: "notifications_messages");
        }
    }
}
