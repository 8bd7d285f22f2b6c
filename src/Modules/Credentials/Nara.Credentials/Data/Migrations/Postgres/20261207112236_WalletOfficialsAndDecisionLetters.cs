using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Nara.Credentials.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class WalletOfficialsAndDecisionLetters : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "Agency",
                table: "credentials_issued",
                type: "character varying(32)",
                maxLength: 32,
                nullable: false,
                defaultValue: "MOIS"); // every credential issued before this migration is a mobile ID (MOIS)

            migrationBuilder.CreateTable(
                name: "credentials_decision_letters",
                columns: table => new
                {
                    CaseId = table.Column<Guid>(type: "uuid", nullable: false),
                    ApplicationId = table.Column<Guid>(type: "uuid", nullable: false),
                    ApplicantAccountId = table.Column<Guid>(type: "uuid", nullable: false),
                    ApplicantResidentId = table.Column<long>(type: "bigint", nullable: true),
                    ServiceSlug = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    ServiceNameKo = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    ServiceNameEn = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Agency = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    Decision = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    DecidedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    CollectedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_credentials_decision_letters", x => x.CaseId);
                });

            migrationBuilder.CreateTable(
                name: "credentials_wallet",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    ResidentId = table.Column<long>(type: "bigint", nullable: false),
                    Type = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    IssuedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    ExpiresAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    AddedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    Sealed = table.Column<byte[]>(type: "bytea", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_credentials_wallet", x => x.Id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_credentials_decision_letters_ApplicantAccountId",
                table: "credentials_decision_letters",
                column: "ApplicantAccountId");

            migrationBuilder.CreateIndex(
                name: "IX_credentials_wallet_ResidentId",
                table: "credentials_wallet",
                column: "ResidentId");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "credentials_decision_letters");

            migrationBuilder.DropTable(
                name: "credentials_wallet");

            migrationBuilder.DropColumn(
                name: "Agency",
                table: "credentials_issued");
        }
    }
}
