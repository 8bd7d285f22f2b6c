using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Nara.Credentials.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class WalletCredentials : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
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
                name: "IX_credentials_wallet_ResidentId",
                table: "credentials_wallet",
                column: "ResidentId");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "credentials_wallet");
        }
    }
}
