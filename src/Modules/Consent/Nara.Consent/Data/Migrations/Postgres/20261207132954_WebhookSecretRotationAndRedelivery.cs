using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Nara.Consent.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class WebhookSecretRotationAndRedelivery : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "PreviousSecretExpiresAt",
                table: "consent_webhooks",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "PreviousSecretKey",
                table: "consent_webhooks",
                type: "character varying(100)",
                maxLength: 100,
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "RoundStartAttempts",
                table: "consent_webhook_deliveries",
                type: "integer",
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
