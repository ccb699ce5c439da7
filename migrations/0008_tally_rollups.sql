CREATE TABLE `tally_rollups` (
	`unit_id` integer NOT NULL,
	`report_date` text NOT NULL,
	`indicator` text NOT NULL,
	`total` integer NOT NULL,
	`entries` integer NOT NULL,
	`cumulative` integer NOT NULL,
	PRIMARY KEY(`unit_id`, `report_date`, `indicator`),
	FOREIGN KEY (`unit_id`) REFERENCES `admin_units`(`id`) ON UPDATE no action ON DELETE no action
);

--> statement-breakpoint
-- Backfill from the tallies already recorded (the same query as `bhyt tally rebuild-rollups`).
INSERT INTO `tally_rollups` (`unit_id`, `report_date`, `indicator`, `total`, `entries`, `cumulative`)
SELECT `unit_id`, `report_date`, `indicator`, SUM(`count`), COUNT(*),
       SUM(SUM(`count`)) OVER (PARTITION BY `unit_id`, `indicator` ORDER BY `report_date`)
FROM `tally_entries` WHERE `status` = 'active'
GROUP BY `unit_id`, `indicator`, `report_date`;
