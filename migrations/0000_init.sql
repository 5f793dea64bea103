CREATE TABLE `markets` (
	`id` text PRIMARY KEY NOT NULL,
	`name` text NOT NULL,
	`description` text DEFAULT '' NOT NULL,
	`status` text DEFAULT 'active' NOT NULL,
	`volume` integer DEFAULT 0 NOT NULL,
	`creator_id` text NOT NULL,
	`created_at` integer DEFAULT (unixepoch('subsec') * 1000) NOT NULL,
	`updated_at` integer DEFAULT (unixepoch('subsec') * 1000) NOT NULL,
	FOREIGN KEY (`creator_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action,
	CONSTRAINT "markets_status_check" CHECK("markets"."status" IN ('active', 'closed', 'resolved')),
	CONSTRAINT "markets_volume_check" CHECK("markets"."volume" >= 0)
);
--> statement-breakpoint
CREATE INDEX `markets_volume_idx` ON `markets` (`volume`,`id`);--> statement-breakpoint
CREATE INDEX `markets_created_at_idx` ON `markets` (`created_at`,`id`);--> statement-breakpoint
CREATE INDEX `markets_name_idx` ON `markets` (`name`,`id`);--> statement-breakpoint
CREATE INDEX `markets_status_volume_idx` ON `markets` (`status`,`volume`,`id`);--> statement-breakpoint
CREATE INDEX `markets_status_created_at_idx` ON `markets` (`status`,`created_at`,`id`);--> statement-breakpoint
CREATE INDEX `markets_status_name_idx` ON `markets` (`status`,`name`,`id`);--> statement-breakpoint
CREATE INDEX `markets_creator_idx` ON `markets` (`creator_id`);--> statement-breakpoint
CREATE TABLE `positions` (
	`id` text PRIMARY KEY NOT NULL,
	`market_id` text NOT NULL,
	`user_id` text NOT NULL,
	`side` text NOT NULL,
	`amount` integer NOT NULL,
	`created_at` integer DEFAULT (unixepoch('subsec') * 1000) NOT NULL,
	FOREIGN KEY (`market_id`) REFERENCES `markets`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action,
	CONSTRAINT "positions_side_check" CHECK("positions"."side" IN ('yes', 'no')),
	CONSTRAINT "positions_amount_check" CHECK("positions"."amount" > 0)
);
--> statement-breakpoint
CREATE INDEX `positions_market_idx` ON `positions` (`market_id`,`created_at`,`id`);--> statement-breakpoint
CREATE INDEX `positions_user_idx` ON `positions` (`user_id`,`created_at`,`id`);--> statement-breakpoint
CREATE TABLE `users` (
	`id` text PRIMARY KEY NOT NULL,
	`email` text,
	`display_name` text NOT NULL,
	`role` text DEFAULT 'user' NOT NULL,
	`created_at` integer DEFAULT (unixepoch('subsec') * 1000) NOT NULL,
	CONSTRAINT "users_role_check" CHECK("users"."role" IN ('admin', 'moderator', 'user'))
);
