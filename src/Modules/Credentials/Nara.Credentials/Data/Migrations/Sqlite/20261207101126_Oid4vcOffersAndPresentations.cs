using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Nara.Credentials.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class Oid4vcOffersAndPresentations : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "credentials_nonces",
                columns: table => new
                {
                    Hash = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    ExpiresAt = table.Column<string>(type: "TEXT", maxLength: 28, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_credentials_nonces", x => x.Hash);
                });

            migrationBuilder.CreateTable(
                name: "credentials_offers",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    ResidentId = table.Column<long>(type: "INTEGER", nullable: false),
                    ActorId = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    ConfigurationId = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    CodeHash = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    TxCodeHash = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true),
                    TxCodeFailures = table.Column<int>(type: "INTEGER", nullable: false),
                    CreatedAt = table.Column<string>(type: "TEXT", maxLength: 28, nullable: false),
                    ExpiresAt = table.Column<string>(type: "TEXT", maxLength: 28, nullable: false),
                    RedeemedAt = table.Column<string>(type: "TEXT", maxLength: 28, nullable: true),
                    AccessTokenHash = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true),
                    AccessTokenExpiresAt = table.Column<string>(type: "TEXT", maxLength: 28, nullable: true),
                    CredentialId = table.Column<Guid>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_credentials_offers", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "credentials_presentations",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    TransactionHash = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    Nonce = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    State = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    Type = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    Claims = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: false),
                    RedirectUri = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    CreatedAt = table.Column<string>(type: "TEXT", maxLength: 28, nullable: false),
                    ExpiresAt = table.Column<string>(type: "TEXT", maxLength: 28, nullable: false),
                    AnsweredAt = table.Column<string>(type: "TEXT", maxLength: 28, nullable: true),
                    ResponseCodeHash = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true),
                    Result = table.Column<string>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_credentials_presentations", x => x.Id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_credentials_nonces_ExpiresAt",
                table: "credentials_nonces",
                column: "ExpiresAt");

            migrationBuilder.CreateIndex(
                name: "IX_credentials_offers_AccessTokenHash",
                table: "credentials_offers",
                column: "AccessTokenHash",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_credentials_offers_CodeHash",
                table: "credentials_offers",
                column: "CodeHash",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_credentials_offers_ResidentId",
                table: "credentials_offers",
                column: "ResidentId");

            migrationBuilder.CreateIndex(
                name: "IX_credentials_presentations_ExpiresAt",
                table: "credentials_presentations",
                column: "ExpiresAt");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "credentials_nonces");

            migrationBuilder.DropTable(
                name: "credentials_offers");

            migrationBuilder.DropTable(
                name: "credentials_presentations");
        }
    }
}
