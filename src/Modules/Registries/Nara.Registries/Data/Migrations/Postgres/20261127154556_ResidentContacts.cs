using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Nara.Registries.Data.Migrations.Postgres
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
                    ResidentId = table.Column<long>(type: "bigint", nullable: false),
                    MobilePhone = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: true),
                    Email = table.Column<string>(type: "character varying(320)", maxLength: 320, nullable: true),
                    UpdatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
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
