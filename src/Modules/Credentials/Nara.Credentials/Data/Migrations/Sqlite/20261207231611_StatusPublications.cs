using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Nara.Credentials.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class StatusPublications : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "credentials_status_publications",
                columns: table => new
                {
                    List = table.Column<int>(type: "INTEGER", nullable: false),
                    Sequence = table.Column<int>(type: "INTEGER", nullable: false),
                    Digest = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    Revoked = table.Column<int>(type: "INTEGER", nullable: false),
                    Suspended = table.Column<int>(type: "INTEGER", nullable: false),
                    PublishedAt = table.Column<string>(type: "TEXT", maxLength: 28, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_credentials_status_publications", x => new { x.List, x.Sequence });
                });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "credentials_status_publications");
        }
    }
}
