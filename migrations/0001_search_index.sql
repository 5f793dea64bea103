CREATE TABLE `index_failures` (
	`id` text PRIMARY KEY NOT NULL,
	`market_id` text NOT NULL,
	`op` text NOT NULL,
	`version` integer NOT NULL,
	`source` text NOT NULL,
	`error` text NOT NULL,
	`attempts` integer DEFAULT 0 NOT NULL,
	`created_at` integer DEFAULT (unixepoch('subsec') * 1000) NOT NULL
);
--> statement-breakpoint
CREATE INDEX `index_failures_created_at_idx` ON `index_failures` (`created_at`,`id`);--> statement-breakpoint
CREATE TABLE `market_vectors` (
	`market_id` text PRIMARY KEY NOT NULL,
	`status` text NOT NULL,
	`version` integer NOT NULL,
	`embedding` text NOT NULL
);
--> statement-breakpoint
CREATE INDEX `market_vectors_status_idx` ON `market_vectors` (`status`);--> statement-breakpoint
ALTER TABLE `markets` ADD `search_version` integer DEFAULT 1 NOT NULL;--> statement-breakpoint
-- Keyword search (FTS5, BM25) over markets' name and description. Hand-written: drizzle-kit does
-- not model virtual tables or triggers, so the snapshot does not know about them.
-- External content: the index stores only tokens and reads the text from `markets` by rowid, so
-- the text is not stored twice. The triggers below keep it in step with every write in the same
-- transaction. `markets` has no INTEGER PRIMARY KEY, so its rowids are stable in place but not
-- across a dump and re-import: after restoring a database (or if a later migration rebuilds the
-- markets table), run POST /api/admin/reindex, which also rebuilds this index.
-- Porter stemming: "raining" finds "rain", "markets" finds "market".
CREATE VIRTUAL TABLE `markets_fts` USING fts5(
	`name`,
	`description`,
	content = 'markets',
	content_rowid = 'rowid',
	tokenize = 'porter unicode61 remove_diacritics 2'
);
--> statement-breakpoint
-- BM25 with a match in the name worth twice one in the description; `ORDER BY rank` uses it.
INSERT INTO `markets_fts` (`markets_fts`, `rank`) VALUES ('rank', 'bm25(2.0, 1.0)');
--> statement-breakpoint
CREATE TRIGGER `markets_fts_after_insert` AFTER INSERT ON `markets` BEGIN
	INSERT INTO `markets_fts` (`rowid`, `name`, `description`) VALUES (new.`rowid`, new.`name`, new.`description`);
END;
--> statement-breakpoint
CREATE TRIGGER `markets_fts_after_delete` AFTER DELETE ON `markets` BEGIN
	INSERT INTO `markets_fts` (`markets_fts`, `rowid`, `name`, `description`) VALUES ('delete', old.`rowid`, old.`name`, old.`description`);
END;
--> statement-breakpoint
-- Only text changes touch the index: volume updates (every position taken) leave it alone.
CREATE TRIGGER `markets_fts_after_update` AFTER UPDATE OF `name`, `description` ON `markets` BEGIN
	INSERT INTO `markets_fts` (`markets_fts`, `rowid`, `name`, `description`) VALUES ('delete', old.`rowid`, old.`name`, old.`description`);
	INSERT INTO `markets_fts` (`rowid`, `name`, `description`) VALUES (new.`rowid`, new.`name`, new.`description`);
END;
--> statement-breakpoint
-- Backfill the markets that existed before this migration.
INSERT INTO `markets_fts` (`markets_fts`) VALUES ('rebuild');
