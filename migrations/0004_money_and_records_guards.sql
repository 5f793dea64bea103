-- Hand-written (drizzle-kit models neither triggers nor CHECKs added to existing tables; SQLite
-- cannot add a CHECK without rebuilding the table). The API enforces the same rules in the
-- statements that write; these make them hold for every writer, including ones around the API.
--
-- Money stays exact: amounts are integers <= 10^12 (MAX_AMOUNT) and a market's volume never
-- passes 9 * 10^15 (MAX_VOLUME), so every sum stays far inside doubles' exact integers (2^53).
CREATE TRIGGER `positions_amount_bound` BEFORE INSERT ON `positions`
WHEN new.`amount` > 1000000000000 OR new.`amount` <> CAST(new.`amount` AS INTEGER) BEGIN
	SELECT RAISE(ABORT, 'positions.amount out of range');
END;
--> statement-breakpoint
CREATE TRIGGER `markets_volume_bound_insert` BEFORE INSERT ON `markets`
WHEN new.`volume` > 9000000000000000 OR new.`volume` <> CAST(new.`volume` AS INTEGER) BEGIN
	SELECT RAISE(ABORT, 'markets.volume out of range');
END;
--> statement-breakpoint
CREATE TRIGGER `markets_volume_bound_update` BEFORE UPDATE OF `volume` ON `markets`
WHEN new.`volume` > 9000000000000000 OR new.`volume` <> CAST(new.`volume` AS INTEGER) BEGIN
	SELECT RAISE(ABORT, 'markets.volume out of range');
END;
--> statement-breakpoint
-- Positions are financial records: never deleted, and a market that has any is never deleted
-- (the positions foreign key's ON DELETE CASCADE would otherwise take them along).
CREATE TRIGGER `positions_never_deleted` BEFORE DELETE ON `positions` BEGIN
	SELECT RAISE(ABORT, 'positions are never deleted');
END;
--> statement-breakpoint
CREATE TRIGGER `positions_never_changed` BEFORE UPDATE ON `positions` BEGIN
	SELECT RAISE(ABORT, 'positions are never changed');
END;
--> statement-breakpoint
CREATE TRIGGER `markets_with_positions_kept` BEFORE DELETE ON `markets`
WHEN EXISTS (SELECT 1 FROM `positions` WHERE `market_id` = old.`id`) BEGIN
	SELECT RAISE(ABORT, 'a market with positions is never deleted');
END;
