using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Nara.Credentials.Data.Migrations.Sqlite
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
                type: "TEXT",
                maxLength: 32,
                nullable: false,
                defaultValue: "MOIS"); // every credential issued before this migration is a mobile ID (MOIS)

            migrationBuilder.CreateTable(
                name: "credentials_decision_letters",
                columns: table => new
                {
                    CaseId = table.Column<Guid>(type: "TEXT", nullable: false),
                    ApplicationId = table.Column<Guid>(type: "TEXT", nullable: false),
                    ApplicantAccountId = table.Column<Guid>(type: "TEXT", nullable: false),
                    ApplicantResidentId = table.Column<long>(type: "INTEGER", nullable: true),
                    ServiceSlug = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    ServiceNameKo = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    ServiceNameEn = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Agency = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    Decision = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    DecidedAt = table.Column<string>(type: "TEXT", maxLength: 28, nullable: false),
                    CollectedAt = table.Column<string>(type: "TEXT", maxLength: 28, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_credentials_decision_letters", x => x.CaseId);
                });

            migrationBuilder.CreateTable(
                name: "credentials_wallet",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    ResidentId = table.Column<long>(type: "INTEGER", nullable: false),
                    Type = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    IssuedAt = table.Column<string>(type: "TEXT", maxLength: 28, nullable: false),
                    ExpiresAt = table.Column<string>(type: "TEXT", maxLength: 28, nullable: false),
                    AddedAt = table.Column<string>(type: "TEXT", maxLength: 28, nullable: false),
                    Sealed = table.Column<byte[]>(type: "BLOB", nullable: false)
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
