using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Nara.Audit.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class SigningKeyHistory : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "audit_signing_keys",
                columns: table => new
                {
                    KeyId = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    PublicKey = table.Column<byte[]>(type: "bytea", maxLength: 200, nullable: false),
                    ValidFrom = table.Column<long>(type: "bigint", nullable: false),
                    PreviousKeyId = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true),
                    Endorsement = table.Column<byte[]>(type: "bytea", maxLength: 132, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_audit_signing_keys", x => x.KeyId);
                });

            migrationBuilder.CreateIndex(
                name: "IX_audit_signing_keys_PreviousKeyId",
                table: "audit_signing_keys",
                column: "PreviousKeyId",
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "audit_signing_keys");
        }
    }
}
