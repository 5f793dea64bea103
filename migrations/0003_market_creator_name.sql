ALTER TABLE `markets` ADD `creator_name` text DEFAULT '' NOT NULL;--> statement-breakpoint
-- Hand-written below (drizzle-kit does not model triggers): keep markets.creator_name in step.
UPDATE `markets` SET `creator_name` = (SELECT `display_name` FROM `users` WHERE `users`.`id` = `markets`.`creator_id`);
--> statement-breakpoint
-- Only a real rename touches the creator's markets (found through markets_creator_idx); the
-- per-write user upsert that repeats the same name changes nothing.
CREATE TRIGGER `users_display_name_to_markets` AFTER UPDATE OF `display_name` ON `users`
WHEN old.`display_name` IS NOT new.`display_name` BEGIN
	UPDATE `markets` SET `creator_name` = new.`display_name` WHERE `creator_id` = new.`id`;
END;
--> statement-breakpoint
-- Writers that do not know the name (seeding, imports) leave it empty; take it from users.
CREATE TRIGGER `markets_creator_name_on_insert` AFTER INSERT ON `markets`
WHEN new.`creator_name` = '' BEGIN
	UPDATE `markets` SET `creator_name` = (SELECT `display_name` FROM `users` WHERE `id` = new.`creator_id`) WHERE `rowid` = new.`rowid`;
END;
