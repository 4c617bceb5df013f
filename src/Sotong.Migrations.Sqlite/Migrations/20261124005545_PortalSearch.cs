using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Sotong.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class PortalSearch : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            // In its own migration: SQLite table rebuilds run after a migration's other operations and would drop the triggers.
            // Korean search without a morphological analyser: an FTS5 trigram index kept in step by triggers.
            migrationBuilder.Sql("UPDATE qna_published_answer SET \"SearchText\" = lower(\"Title\" || char(10) || \"MaskedQuestion\" || char(10) || \"MaskedAnswer\");");
            migrationBuilder.Sql("CREATE VIRTUAL TABLE qna_answer_search USING fts5(\"AnswerId\" UNINDEXED, \"SearchText\", tokenize = 'trigram');");
            migrationBuilder.Sql("INSERT INTO qna_answer_search (\"AnswerId\", \"SearchText\") SELECT \"Id\", \"SearchText\" FROM qna_published_answer;");
            migrationBuilder.Sql("CREATE TRIGGER qna_answer_search_ai AFTER INSERT ON qna_published_answer BEGIN INSERT INTO qna_answer_search (\"AnswerId\", \"SearchText\") VALUES (new.\"Id\", new.\"SearchText\"); END;");
            migrationBuilder.Sql("CREATE TRIGGER qna_answer_search_au AFTER UPDATE OF \"SearchText\" ON qna_published_answer BEGIN UPDATE qna_answer_search SET \"SearchText\" = new.\"SearchText\" WHERE \"AnswerId\" = new.\"Id\"; END;");
            migrationBuilder.Sql("CREATE TRIGGER qna_answer_search_ad AFTER DELETE ON qna_published_answer BEGIN DELETE FROM qna_answer_search WHERE \"AnswerId\" = old.\"Id\"; END;");

        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("DROP TRIGGER IF EXISTS qna_answer_search_ai;");
            migrationBuilder.Sql("DROP TRIGGER IF EXISTS qna_answer_search_au;");
            migrationBuilder.Sql("DROP TRIGGER IF EXISTS qna_answer_search_ad;");
            migrationBuilder.Sql("DROP TABLE IF EXISTS qna_answer_search;");

        }
    }
}
