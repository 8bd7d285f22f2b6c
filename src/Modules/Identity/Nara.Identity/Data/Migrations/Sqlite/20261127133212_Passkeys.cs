using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Nara.Identity.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class Passkeys : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_identity_accounts_ResidentId",
                table: "identity_accounts");

            migrationBuilder.AddColumn<string>(
                name: "DisabledAt",
                table: "identity_accounts",
                type: "TEXT",
                maxLength: 28,
                nullable: true);

            migrationBuilder.AddColumn<byte[]>(
                name: "UserHandle",
                table: "identity_accounts",
                type: "BLOB",
                maxLength: 64,
                nullable: true);

            migrationBuilder.CreateTable(
                name: "identity_passkeys",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    AccountId = table.Column<Guid>(type: "TEXT", nullable: false),
                    CredentialId = table.Column<byte[]>(type: "BLOB", maxLength: 1023, nullable: false),
                    PublicKey = table.Column<byte[]>(type: "BLOB", maxLength: 2048, nullable: false),
                    SignCount = table.Column<long>(type: "INTEGER", nullable: false),
                    Nickname = table.Column<string>(type: "TEXT", maxLength: 60, nullable: false),
                    AaGuid = table.Column<Guid>(type: "TEXT", nullable: false),
                    Transports = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    IsBackedUp = table.Column<bool>(type: "INTEGER", nullable: false),
                    CreatedAt = table.Column<string>(type: "TEXT", maxLength: 28, nullable: false),
                    LastUsedAt = table.Column<string>(type: "TEXT", maxLength: 28, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_identity_passkeys", x => x.Id);
                    table.ForeignKey(
                        name: "FK_identity_passkeys_identity_accounts_AccountId",
                        column: x => x.AccountId,
                        principalTable: "identity_accounts",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "identity_proofing_challenges",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    ResidentId = table.Column<long>(type: "INTEGER", nullable: false),
                    Purpose = table.Column<int>(type: "INTEGER", nullable: false),
                    Method = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    CodeHash = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    CreatedAt = table.Column<string>(type: "TEXT", maxLength: 28, nullable: false),
                    ExpiresAt = table.Column<string>(type: "TEXT", maxLength: 28, nullable: false),
                    FailedAttempts = table.Column<int>(type: "INTEGER", nullable: false),
                    CompletedAt = table.Column<string>(type: "TEXT", maxLength: 28, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_identity_proofing_challenges", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "identity_webauthn_ceremonies",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    Kind = table.Column<int>(type: "INTEGER", nullable: false),
                    AccountId = table.Column<Guid>(type: "TEXT", nullable: true),
                    OptionsJson = table.Column<string>(type: "TEXT", maxLength: 8000, nullable: false),
                    ExpiresAt = table.Column<string>(type: "TEXT", maxLength: 28, nullable: false),
                    UsedAt = table.Column<string>(type: "TEXT", maxLength: 28, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_identity_webauthn_ceremonies", x => x.Id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_identity_accounts_ResidentId",
                table: "identity_accounts",
                column: "ResidentId",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_identity_accounts_UserHandle",
                table: "identity_accounts",
                column: "UserHandle",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_identity_passkeys_AccountId",
                table: "identity_passkeys",
                column: "AccountId");

            migrationBuilder.CreateIndex(
                name: "IX_identity_passkeys_CredentialId",
                table: "identity_passkeys",
                column: "CredentialId",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_identity_proofing_challenges_ResidentId_CreatedAt",
                table: "identity_proofing_challenges",
                columns: new[] { "ResidentId", "CreatedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_identity_webauthn_ceremonies_ExpiresAt",
                table: "identity_webauthn_ceremonies",
                column: "ExpiresAt");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "identity_passkeys");

            migrationBuilder.DropTable(
                name: "identity_proofing_challenges");

            migrationBuilder.DropTable(
                name: "identity_webauthn_ceremonies");

            migrationBuilder.DropIndex(
                name: "IX_identity_accounts_ResidentId",
                table: "identity_accounts");

            migrationBuilder.DropIndex(
                name: "IX_identity_accounts_UserHandle",
                table: "identity_accounts");

            migrationBuilder.DropColumn(
                name: "DisabledAt",
                table: "identity_accounts");

            migrationBuilder.DropColumn(
                name: "UserHandle",
                table: "identity_accounts");

            migrationBuilder.CreateIndex(
                name: "IX_identity_accounts_ResidentId",
                table: "identity_accounts",
                column: "ResidentId");
        }
    }
}
