-- Finer statistics for the 拼音 / 首字母 search columns (member-search.ts: name_initials LIKE 'zjg%' OR
-- name_pinyin LIKE 'zjg%'). With the default 100 histogram buckets (1% of the table each) a rare
-- prefix can be estimated at ~7,600 rows of 1M where 131 match; the list query (newest first, 20 a
-- page) then walks members_created_idx filtering on the prefix instead of using the prefix indexes,
-- ~1.4 s instead of ~5 ms for a district admin (bench `search`). 1,000 buckets keep the estimates
-- within a few times the truth. ANALYZE samples 300 × 1,000 rows of members instead of 30,000.
ALTER TABLE "members" ALTER COLUMN "name_initials" SET STATISTICS 1000;
--> statement-breakpoint
ALTER TABLE "members" ALTER COLUMN "name_pinyin" SET STATISTICS 1000;
