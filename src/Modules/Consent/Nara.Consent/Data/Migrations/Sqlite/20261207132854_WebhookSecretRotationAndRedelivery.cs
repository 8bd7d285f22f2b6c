using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Nara.Consent.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class WebhookSecretRotationAndRedelivery : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "PreviousSecretExpiresAt",
                table: "consent_webhooks",
                type: "TEXT",
                maxLength: 28,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "PreviousSecretKey",
                table: "consent_webhooks",
                type: "TEXT",
                maxLength: 100,
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "RoundStartAttempts",
                table: "consent_webhook_deliveries",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "PreviousSecretExpiresAt",
                table: "consent_webhooks");

            migrationBuilder.DropColumn(
                name: "PreviousSecretKey",
                table: "consent_webhooks");

            migrationBuilder.DropColumn(
                name: "RoundStartAttempts",
                table: "consent_webhook_deliveries");
        }
    }
}
