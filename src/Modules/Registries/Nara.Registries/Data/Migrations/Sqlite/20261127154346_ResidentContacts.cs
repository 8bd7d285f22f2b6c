using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Nara.Registries.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class ResidentContacts : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "registries_resident_contacts",
                columns: table => new
                {
                    ResidentId = table.Column<long>(type: "INTEGER", nullable: false),
                    MobilePhone = table.Column<string>(type: "TEXT", maxLength: 20, nullable: true),
                    Email = table.Column<string>(type: "TEXT", maxLength: 320, nullable: true),
                    UpdatedAt = table.Column<string>(type: "TEXT", maxLength: 28, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_registries_resident_contacts", x => x.ResidentId);
                });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "registries_resident_contacts");
        }
    }
}
