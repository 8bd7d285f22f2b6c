using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Nara.Exchange.Data.Migrations.Sqlite
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
                type: "TEXT",
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
