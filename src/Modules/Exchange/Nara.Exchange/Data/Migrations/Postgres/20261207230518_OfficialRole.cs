using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Nara.Exchange.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class OfficialRole : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "UserRole",
                table: "exchange_records",
                type: "character varying(100)",
                maxLength: 100,
                nullable: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "UserRole",
                table: "exchange_records");
        }
    }
}
