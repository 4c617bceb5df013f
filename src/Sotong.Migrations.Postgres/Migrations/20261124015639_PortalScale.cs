using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Sotong.Migrations.Postgres.Migrations
{
    /// <inheritdoc />
    public partial class PortalScale : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateIndex(
                name: "IX_cases_case_DivisionId_ReceivedAtUtc",
                table: "cases_case",
                columns: new[] { "DivisionId", "ReceivedAtUtc" });

            // The portal's search: every two-character window of the text as a lexeme, in a GIN index over the
            // published answers. A two-character Korean word (주차, 버스) is one lexeme; a longer term wants all of
            // its windows, and LIKE confirms the exact substring on the few rows that have them. Characters are
            // code points (string_to_array with a null delimiter), as the app's query builder counts them.
            migrationBuilder.Sql("""
                CREATE OR REPLACE FUNCTION qna_bigrams(t text) RETURNS tsvector
                LANGUAGE plpgsql IMMUTABLE STRICT PARALLEL SAFE COST 1000 AS $$
                DECLARE
                  prev text;
                  ch text;
                  grams text[] := '{}';
                BEGIN
                  FOREACH ch IN ARRAY string_to_array(t, NULL) LOOP
                    IF prev IS NOT NULL THEN
                      grams := grams || (prev || ch);
                    END IF;
                    prev := ch;
                  END LOOP;
                  RETURN array_to_tsvector(grams);
                END
                $$;
                """);
            migrationBuilder.Sql("SET LOCAL maintenance_work_mem = '256MB';");
            // Not partial: the planner reads an expression index's statistics (how common each bigram is) only from a
            // whole-table index, and it needs them to choose between this index and reading the newest rows first.
            migrationBuilder.Sql("""CREATE INDEX "IX_qna_published_answer_SearchText_bigrams" ON qna_published_answer USING gin (qna_bigrams("SearchText"));""");
            migrationBuilder.Sql("ANALYZE qna_published_answer;");
            // The trigram index served LIKE for terms of three characters or more; the bigram index serves them all.
            migrationBuilder.Sql("""DROP INDEX IF EXISTS "IX_qna_published_answer_SearchText_trgm";""");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("""CREATE INDEX IF NOT EXISTS "IX_qna_published_answer_SearchText_trgm" ON qna_published_answer USING gin ("SearchText" gin_trgm_ops);""");
            migrationBuilder.Sql("""DROP INDEX IF EXISTS "IX_qna_published_answer_SearchText_bigrams";""");
            migrationBuilder.Sql("DROP FUNCTION IF EXISTS qna_bigrams(text);");

            migrationBuilder.DropIndex(
                name: "IX_cases_case_DivisionId_ReceivedAtUtc",
                table: "cases_case");
        }
    }
}
