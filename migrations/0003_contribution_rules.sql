CREATE TABLE `benefit_level_rates` (
	`level` integer NOT NULL,
	`valid_from` text NOT NULL,
	`valid_to` text,
	`percent` integer NOT NULL,
	`ratio_caps` integer NOT NULL,
	`transport` integer NOT NULL,
	`outside_package` integer NOT NULL,
	`source` text NOT NULL,
	PRIMARY KEY(`level`, `valid_from`)
);
--> statement-breakpoint
CREATE TABLE `benefit_rule_values` (
	`rule` text NOT NULL,
	`valid_from` text NOT NULL,
	`valid_to` text,
	`value` integer NOT NULL,
	`source` text NOT NULL,
	PRIMARY KEY(`rule`, `valid_from`)
);
--> statement-breakpoint
CREATE TABLE `card_province_codes` (
	`code` text NOT NULL,
	`valid_from` text NOT NULL,
	`valid_to` text,
	`name` text NOT NULL,
	`successor_code` text,
	`source` text NOT NULL,
	PRIMARY KEY(`code`, `valid_from`)
);
--> statement-breakpoint
CREATE TABLE `contribution_rates` (
	`valid_from` text PRIMARY KEY NOT NULL,
	`valid_to` text,
	`rate_bp` integer NOT NULL,
	`instrument` text NOT NULL,
	`source` text NOT NULL
);
--> statement-breakpoint
CREATE TABLE `household_discounts` (
	`group_code` text NOT NULL,
	`from_member` integer NOT NULL,
	`valid_from` text NOT NULL,
	`valid_to` text,
	`percent_bp` integer NOT NULL,
	`source` text NOT NULL,
	PRIMARY KEY(`group_code`, `from_member`, `valid_from`),
	FOREIGN KEY (`group_code`) REFERENCES `participant_groups`(`code`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE TABLE `province_supports` (
	`province_code` text NOT NULL,
	`group_code` text NOT NULL,
	`valid_from` text NOT NULL,
	`valid_to` text,
	`percent_bp` integer NOT NULL,
	`instrument` text NOT NULL,
	`source` text NOT NULL,
	`is_demo` integer DEFAULT false NOT NULL,
	PRIMARY KEY(`province_code`, `group_code`, `valid_from`),
	FOREIGN KEY (`group_code`) REFERENCES `participant_groups`(`code`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE TABLE `state_supports` (
	`group_code` text NOT NULL,
	`valid_from` text NOT NULL,
	`valid_to` text,
	`percent_bp` integer NOT NULL,
	`source` text NOT NULL,
	PRIMARY KEY(`group_code`, `valid_from`),
	FOREIGN KEY (`group_code`) REFERENCES `participant_groups`(`code`) ON UPDATE no action ON DELETE no action
);

--> statement-breakpoint
-- Reference data for card codes, benefit levels and contributions. Sources in each row; UNCONFIRMED facts say so.
INSERT INTO card_province_codes (code, valid_from, valid_to, name, successor_code, source) VALUES ('01', '2016-01-01', NULL, 'Hà Nội', NULL, 'QĐ 124/2004/QĐ-TTg (mã tỉnh, 63 tỉnh); mã tỉnh trên thẻ 15 ký tự: domain.md §1.1; NQ 202/2025/QH15 (34 tỉnh); mã QĐ 19/2025/QĐ-TTg từ 1/7/2025: domain.md §6.1');
--> statement-breakpoint
INSERT INTO card_province_codes (code, valid_from, valid_to, name, successor_code, source) VALUES ('02', '2016-01-01', '2025-06-30', 'Hà Giang', '08', 'QĐ 124/2004/QĐ-TTg (mã tỉnh, 63 tỉnh); mã tỉnh trên thẻ 15 ký tự: domain.md §1.1; NQ 202/2025/QH15 (34 tỉnh); mã QĐ 19/2025/QĐ-TTg từ 1/7/2025: domain.md §6.1');
--> statement-breakpoint
INSERT INTO card_province_codes (code, valid_from, valid_to, name, successor_code, source) VALUES ('04', '2016-01-01', NULL, 'Cao Bằng', NULL, 'QĐ 124/2004/QĐ-TTg (mã tỉnh, 63 tỉnh); mã tỉnh trên thẻ 15 ký tự: domain.md §1.1; NQ 202/2025/QH15 (34 tỉnh); mã QĐ 19/2025/QĐ-TTg từ 1/7/2025: domain.md §6.1');
--> statement-breakpoint
INSERT INTO card_province_codes (code, valid_from, valid_to, name, successor_code, source) VALUES ('06', '2016-01-01', '2025-06-30', 'Bắc Kạn', '19', 'QĐ 124/2004/QĐ-TTg (mã tỉnh, 63 tỉnh); mã tỉnh trên thẻ 15 ký tự: domain.md §1.1; NQ 202/2025/QH15 (34 tỉnh); mã QĐ 19/2025/QĐ-TTg từ 1/7/2025: domain.md §6.1');
--> statement-breakpoint
INSERT INTO card_province_codes (code, valid_from, valid_to, name, successor_code, source) VALUES ('08', '2016-01-01', NULL, 'Tuyên Quang', NULL, 'QĐ 124/2004/QĐ-TTg (mã tỉnh, 63 tỉnh); mã tỉnh trên thẻ 15 ký tự: domain.md §1.1; NQ 202/2025/QH15 (34 tỉnh); mã QĐ 19/2025/QĐ-TTg từ 1/7/2025: domain.md §6.1');
--> statement-breakpoint
INSERT INTO card_province_codes (code, valid_from, valid_to, name, successor_code, source) VALUES ('10', '2016-01-01', '2025-06-30', 'Lào Cai', '15', 'QĐ 124/2004/QĐ-TTg (mã tỉnh, 63 tỉnh); mã tỉnh trên thẻ 15 ký tự: domain.md §1.1; NQ 202/2025/QH15 (34 tỉnh); mã QĐ 19/2025/QĐ-TTg từ 1/7/2025: domain.md §6.1');
--> statement-breakpoint
INSERT INTO card_province_codes (code, valid_from, valid_to, name, successor_code, source) VALUES ('11', '2016-01-01', NULL, 'Điện Biên', NULL, 'QĐ 124/2004/QĐ-TTg (mã tỉnh, 63 tỉnh); mã tỉnh trên thẻ 15 ký tự: domain.md §1.1; NQ 202/2025/QH15 (34 tỉnh); mã QĐ 19/2025/QĐ-TTg từ 1/7/2025: domain.md §6.1');
--> statement-breakpoint
INSERT INTO card_province_codes (code, valid_from, valid_to, name, successor_code, source) VALUES ('12', '2016-01-01', NULL, 'Lai Châu', NULL, 'QĐ 124/2004/QĐ-TTg (mã tỉnh, 63 tỉnh); mã tỉnh trên thẻ 15 ký tự: domain.md §1.1; NQ 202/2025/QH15 (34 tỉnh); mã QĐ 19/2025/QĐ-TTg từ 1/7/2025: domain.md §6.1');
--> statement-breakpoint
INSERT INTO card_province_codes (code, valid_from, valid_to, name, successor_code, source) VALUES ('14', '2016-01-01', NULL, 'Sơn La', NULL, 'QĐ 124/2004/QĐ-TTg (mã tỉnh, 63 tỉnh); mã tỉnh trên thẻ 15 ký tự: domain.md §1.1; NQ 202/2025/QH15 (34 tỉnh); mã QĐ 19/2025/QĐ-TTg từ 1/7/2025: domain.md §6.1');
--> statement-breakpoint
INSERT INTO card_province_codes (code, valid_from, valid_to, name, successor_code, source) VALUES ('15', '2016-01-01', '2025-06-30', 'Yên Bái', '15', 'QĐ 124/2004/QĐ-TTg (mã tỉnh, 63 tỉnh); mã tỉnh trên thẻ 15 ký tự: domain.md §1.1; NQ 202/2025/QH15 (34 tỉnh); mã QĐ 19/2025/QĐ-TTg từ 1/7/2025: domain.md §6.1');
--> statement-breakpoint
INSERT INTO card_province_codes (code, valid_from, valid_to, name, successor_code, source) VALUES ('15', '2025-07-01', NULL, 'Lào Cai', NULL, 'NQ 202/2025/QH15 (34 tỉnh); mã QĐ 19/2025/QĐ-TTg từ 1/7/2025: domain.md §6.1');
--> statement-breakpoint
INSERT INTO card_province_codes (code, valid_from, valid_to, name, successor_code, source) VALUES ('17', '2016-01-01', '2025-06-30', 'Hòa Bình', '25', 'QĐ 124/2004/QĐ-TTg (mã tỉnh, 63 tỉnh); mã tỉnh trên thẻ 15 ký tự: domain.md §1.1; NQ 202/2025/QH15 (34 tỉnh); mã QĐ 19/2025/QĐ-TTg từ 1/7/2025: domain.md §6.1');
--> statement-breakpoint
INSERT INTO card_province_codes (code, valid_from, valid_to, name, successor_code, source) VALUES ('19', '2016-01-01', NULL, 'Thái Nguyên', NULL, 'QĐ 124/2004/QĐ-TTg (mã tỉnh, 63 tỉnh); mã tỉnh trên thẻ 15 ký tự: domain.md §1.1; NQ 202/2025/QH15 (34 tỉnh); mã QĐ 19/2025/QĐ-TTg từ 1/7/2025: domain.md §6.1');
--> statement-breakpoint
INSERT INTO card_province_codes (code, valid_from, valid_to, name, successor_code, source) VALUES ('20', '2016-01-01', NULL, 'Lạng Sơn', NULL, 'QĐ 124/2004/QĐ-TTg (mã tỉnh, 63 tỉnh); mã tỉnh trên thẻ 15 ký tự: domain.md §1.1; NQ 202/2025/QH15 (34 tỉnh); mã QĐ 19/2025/QĐ-TTg từ 1/7/2025: domain.md §6.1');
--> statement-breakpoint
INSERT INTO card_province_codes (code, valid_from, valid_to, name, successor_code, source) VALUES ('22', '2016-01-01', NULL, 'Quảng Ninh', NULL, 'QĐ 124/2004/QĐ-TTg (mã tỉnh, 63 tỉnh); mã tỉnh trên thẻ 15 ký tự: domain.md §1.1; NQ 202/2025/QH15 (34 tỉnh); mã QĐ 19/2025/QĐ-TTg từ 1/7/2025: domain.md §6.1');
--> statement-breakpoint
INSERT INTO card_province_codes (code, valid_from, valid_to, name, successor_code, source) VALUES ('24', '2016-01-01', '2025-06-30', 'Bắc Giang', '24', 'QĐ 124/2004/QĐ-TTg (mã tỉnh, 63 tỉnh); mã tỉnh trên thẻ 15 ký tự: domain.md §1.1; NQ 202/2025/QH15 (34 tỉnh); mã QĐ 19/2025/QĐ-TTg từ 1/7/2025: domain.md §6.1');
--> statement-breakpoint
INSERT INTO card_province_codes (code, valid_from, valid_to, name, successor_code, source) VALUES ('24', '2025-07-01', NULL, 'Bắc Ninh', NULL, 'NQ 202/2025/QH15 (34 tỉnh); mã QĐ 19/2025/QĐ-TTg từ 1/7/2025: domain.md §6.1');
--> statement-breakpoint
INSERT INTO card_province_codes (code, valid_from, valid_to, name, successor_code, source) VALUES ('25', '2016-01-01', NULL, 'Phú Thọ', NULL, 'QĐ 124/2004/QĐ-TTg (mã tỉnh, 63 tỉnh); mã tỉnh trên thẻ 15 ký tự: domain.md §1.1; NQ 202/2025/QH15 (34 tỉnh); mã QĐ 19/2025/QĐ-TTg từ 1/7/2025: domain.md §6.1');
--> statement-breakpoint
INSERT INTO card_province_codes (code, valid_from, valid_to, name, successor_code, source) VALUES ('26', '2016-01-01', '2025-06-30', 'Vĩnh Phúc', '25', 'QĐ 124/2004/QĐ-TTg (mã tỉnh, 63 tỉnh); mã tỉnh trên thẻ 15 ký tự: domain.md §1.1; NQ 202/2025/QH15 (34 tỉnh); mã QĐ 19/2025/QĐ-TTg từ 1/7/2025: domain.md §6.1');
--> statement-breakpoint
INSERT INTO card_province_codes (code, valid_from, valid_to, name, successor_code, source) VALUES ('27', '2016-01-01', '2025-06-30', 'Bắc Ninh', '24', 'QĐ 124/2004/QĐ-TTg (mã tỉnh, 63 tỉnh); mã tỉnh trên thẻ 15 ký tự: domain.md §1.1; NQ 202/2025/QH15 (34 tỉnh); mã QĐ 19/2025/QĐ-TTg từ 1/7/2025: domain.md §6.1');
--> statement-breakpoint
INSERT INTO card_province_codes (code, valid_from, valid_to, name, successor_code, source) VALUES ('30', '2016-01-01', '2025-06-30', 'Hải Dương', '31', 'QĐ 124/2004/QĐ-TTg (mã tỉnh, 63 tỉnh); mã tỉnh trên thẻ 15 ký tự: domain.md §1.1; NQ 202/2025/QH15 (34 tỉnh); mã QĐ 19/2025/QĐ-TTg từ 1/7/2025: domain.md §6.1');
--> statement-breakpoint
INSERT INTO card_province_codes (code, valid_from, valid_to, name, successor_code, source) VALUES ('31', '2016-01-01', NULL, 'Hải Phòng', NULL, 'QĐ 124/2004/QĐ-TTg (mã tỉnh, 63 tỉnh); mã tỉnh trên thẻ 15 ký tự: domain.md §1.1; NQ 202/2025/QH15 (34 tỉnh); mã QĐ 19/2025/QĐ-TTg từ 1/7/2025: domain.md §6.1');
--> statement-breakpoint
INSERT INTO card_province_codes (code, valid_from, valid_to, name, successor_code, source) VALUES ('33', '2016-01-01', NULL, 'Hưng Yên', NULL, 'QĐ 124/2004/QĐ-TTg (mã tỉnh, 63 tỉnh); mã tỉnh trên thẻ 15 ký tự: domain.md §1.1; NQ 202/2025/QH15 (34 tỉnh); mã QĐ 19/2025/QĐ-TTg từ 1/7/2025: domain.md §6.1');
--> statement-breakpoint
INSERT INTO card_province_codes (code, valid_from, valid_to, name, successor_code, source) VALUES ('34', '2016-01-01', '2025-06-30', 'Thái Bình', '33', 'QĐ 124/2004/QĐ-TTg (mã tỉnh, 63 tỉnh); mã tỉnh trên thẻ 15 ký tự: domain.md §1.1; NQ 202/2025/QH15 (34 tỉnh); mã QĐ 19/2025/QĐ-TTg từ 1/7/2025: domain.md §6.1');
--> statement-breakpoint
INSERT INTO card_province_codes (code, valid_from, valid_to, name, successor_code, source) VALUES ('35', '2016-01-01', '2025-06-30', 'Hà Nam', '37', 'QĐ 124/2004/QĐ-TTg (mã tỉnh, 63 tỉnh); mã tỉnh trên thẻ 15 ký tự: domain.md §1.1; NQ 202/2025/QH15 (34 tỉnh); mã QĐ 19/2025/QĐ-TTg từ 1/7/2025: domain.md §6.1');
--> statement-breakpoint
INSERT INTO card_province_codes (code, valid_from, valid_to, name, successor_code, source) VALUES ('36', '2016-01-01', '2025-06-30', 'Nam Định', '37', 'QĐ 124/2004/QĐ-TTg (mã tỉnh, 63 tỉnh); mã tỉnh trên thẻ 15 ký tự: domain.md §1.1; NQ 202/2025/QH15 (34 tỉnh); mã QĐ 19/2025/QĐ-TTg từ 1/7/2025: domain.md §6.1');
--> statement-breakpoint
INSERT INTO card_province_codes (code, valid_from, valid_to, name, successor_code, source) VALUES ('37', '2016-01-01', NULL, 'Ninh Bình', NULL, 'QĐ 124/2004/QĐ-TTg (mã tỉnh, 63 tỉnh); mã tỉnh trên thẻ 15 ký tự: domain.md §1.1; NQ 202/2025/QH15 (34 tỉnh); mã QĐ 19/2025/QĐ-TTg từ 1/7/2025: domain.md §6.1');
--> statement-breakpoint
INSERT INTO card_province_codes (code, valid_from, valid_to, name, successor_code, source) VALUES ('38', '2016-01-01', NULL, 'Thanh Hóa', NULL, 'QĐ 124/2004/QĐ-TTg (mã tỉnh, 63 tỉnh); mã tỉnh trên thẻ 15 ký tự: domain.md §1.1; NQ 202/2025/QH15 (34 tỉnh); mã QĐ 19/2025/QĐ-TTg từ 1/7/2025: domain.md §6.1');
--> statement-breakpoint
INSERT INTO card_province_codes (code, valid_from, valid_to, name, successor_code, source) VALUES ('40', '2016-01-01', NULL, 'Nghệ An', NULL, 'QĐ 124/2004/QĐ-TTg (mã tỉnh, 63 tỉnh); mã tỉnh trên thẻ 15 ký tự: domain.md §1.1; NQ 202/2025/QH15 (34 tỉnh); mã QĐ 19/2025/QĐ-TTg từ 1/7/2025: domain.md §6.1');
--> statement-breakpoint
INSERT INTO card_province_codes (code, valid_from, valid_to, name, successor_code, source) VALUES ('42', '2016-01-01', NULL, 'Hà Tĩnh', NULL, 'QĐ 124/2004/QĐ-TTg (mã tỉnh, 63 tỉnh); mã tỉnh trên thẻ 15 ký tự: domain.md §1.1; NQ 202/2025/QH15 (34 tỉnh); mã QĐ 19/2025/QĐ-TTg từ 1/7/2025: domain.md §6.1');
--> statement-breakpoint
INSERT INTO card_province_codes (code, valid_from, valid_to, name, successor_code, source) VALUES ('44', '2016-01-01', '2025-06-30', 'Quảng Bình', '44', 'QĐ 124/2004/QĐ-TTg (mã tỉnh, 63 tỉnh); mã tỉnh trên thẻ 15 ký tự: domain.md §1.1; NQ 202/2025/QH15 (34 tỉnh); mã QĐ 19/2025/QĐ-TTg từ 1/7/2025: domain.md §6.1');
--> statement-breakpoint
INSERT INTO card_province_codes (code, valid_from, valid_to, name, successor_code, source) VALUES ('44', '2025-07-01', NULL, 'Quảng Trị', NULL, 'NQ 202/2025/QH15 (34 tỉnh); mã QĐ 19/2025/QĐ-TTg từ 1/7/2025: domain.md §6.1');
--> statement-breakpoint
INSERT INTO card_province_codes (code, valid_from, valid_to, name, successor_code, source) VALUES ('45', '2016-01-01', '2025-06-30', 'Quảng Trị', '44', 'QĐ 124/2004/QĐ-TTg (mã tỉnh, 63 tỉnh); mã tỉnh trên thẻ 15 ký tự: domain.md §1.1; NQ 202/2025/QH15 (34 tỉnh); mã QĐ 19/2025/QĐ-TTg từ 1/7/2025: domain.md §6.1');
--> statement-breakpoint
INSERT INTO card_province_codes (code, valid_from, valid_to, name, successor_code, source) VALUES ('46', '2016-01-01', NULL, 'Huế (Thừa Thiên Huế)', NULL, 'QĐ 124/2004/QĐ-TTg (mã tỉnh, 63 tỉnh); mã tỉnh trên thẻ 15 ký tự: domain.md §1.1; NQ 202/2025/QH15 (34 tỉnh); mã QĐ 19/2025/QĐ-TTg từ 1/7/2025: domain.md §6.1');
--> statement-breakpoint
INSERT INTO card_province_codes (code, valid_from, valid_to, name, successor_code, source) VALUES ('48', '2016-01-01', NULL, 'Đà Nẵng', NULL, 'QĐ 124/2004/QĐ-TTg (mã tỉnh, 63 tỉnh); mã tỉnh trên thẻ 15 ký tự: domain.md §1.1; NQ 202/2025/QH15 (34 tỉnh); mã QĐ 19/2025/QĐ-TTg từ 1/7/2025: domain.md §6.1');
--> statement-breakpoint
INSERT INTO card_province_codes (code, valid_from, valid_to, name, successor_code, source) VALUES ('49', '2016-01-01', '2025-06-30', 'Quảng Nam', '48', 'QĐ 124/2004/QĐ-TTg (mã tỉnh, 63 tỉnh); mã tỉnh trên thẻ 15 ký tự: domain.md §1.1; NQ 202/2025/QH15 (34 tỉnh); mã QĐ 19/2025/QĐ-TTg từ 1/7/2025: domain.md §6.1');
--> statement-breakpoint
INSERT INTO card_province_codes (code, valid_from, valid_to, name, successor_code, source) VALUES ('51', '2016-01-01', NULL, 'Quảng Ngãi', NULL, 'QĐ 124/2004/QĐ-TTg (mã tỉnh, 63 tỉnh); mã tỉnh trên thẻ 15 ký tự: domain.md §1.1; NQ 202/2025/QH15 (34 tỉnh); mã QĐ 19/2025/QĐ-TTg từ 1/7/2025: domain.md §6.1');
--> statement-breakpoint
INSERT INTO card_province_codes (code, valid_from, valid_to, name, successor_code, source) VALUES ('52', '2016-01-01', '2025-06-30', 'Bình Định', '52', 'QĐ 124/2004/QĐ-TTg (mã tỉnh, 63 tỉnh); mã tỉnh trên thẻ 15 ký tự: domain.md §1.1; NQ 202/2025/QH15 (34 tỉnh); mã QĐ 19/2025/QĐ-TTg từ 1/7/2025: domain.md §6.1');
--> statement-breakpoint
INSERT INTO card_province_codes (code, valid_from, valid_to, name, successor_code, source) VALUES ('52', '2025-07-01', NULL, 'Gia Lai', NULL, 'NQ 202/2025/QH15 (34 tỉnh); mã QĐ 19/2025/QĐ-TTg từ 1/7/2025: domain.md §6.1');
--> statement-breakpoint
INSERT INTO card_province_codes (code, valid_from, valid_to, name, successor_code, source) VALUES ('54', '2016-01-01', '2025-06-30', 'Phú Yên', '66', 'QĐ 124/2004/QĐ-TTg (mã tỉnh, 63 tỉnh); mã tỉnh trên thẻ 15 ký tự: domain.md §1.1; NQ 202/2025/QH15 (34 tỉnh); mã QĐ 19/2025/QĐ-TTg từ 1/7/2025: domain.md §6.1');
--> statement-breakpoint
INSERT INTO card_province_codes (code, valid_from, valid_to, name, successor_code, source) VALUES ('56', '2016-01-01', NULL, 'Khánh Hòa', NULL, 'QĐ 124/2004/QĐ-TTg (mã tỉnh, 63 tỉnh); mã tỉnh trên thẻ 15 ký tự: domain.md §1.1; NQ 202/2025/QH15 (34 tỉnh); mã QĐ 19/2025/QĐ-TTg từ 1/7/2025: domain.md §6.1');
--> statement-breakpoint
INSERT INTO card_province_codes (code, valid_from, valid_to, name, successor_code, source) VALUES ('58', '2016-01-01', '2025-06-30', 'Ninh Thuận', '56', 'QĐ 124/2004/QĐ-TTg (mã tỉnh, 63 tỉnh); mã tỉnh trên thẻ 15 ký tự: domain.md §1.1; NQ 202/2025/QH15 (34 tỉnh); mã QĐ 19/2025/QĐ-TTg từ 1/7/2025: domain.md §6.1');
--> statement-breakpoint
INSERT INTO card_province_codes (code, valid_from, valid_to, name, successor_code, source) VALUES ('60', '2016-01-01', '2025-06-30', 'Bình Thuận', '68', 'QĐ 124/2004/QĐ-TTg (mã tỉnh, 63 tỉnh); mã tỉnh trên thẻ 15 ký tự: domain.md §1.1; NQ 202/2025/QH15 (34 tỉnh); mã QĐ 19/2025/QĐ-TTg từ 1/7/2025: domain.md §6.1');
--> statement-breakpoint
INSERT INTO card_province_codes (code, valid_from, valid_to, name, successor_code, source) VALUES ('62', '2016-01-01', '2025-06-30', 'Kon Tum', '51', 'QĐ 124/2004/QĐ-TTg (mã tỉnh, 63 tỉnh); mã tỉnh trên thẻ 15 ký tự: domain.md §1.1; NQ 202/2025/QH15 (34 tỉnh); mã QĐ 19/2025/QĐ-TTg từ 1/7/2025: domain.md §6.1');
--> statement-breakpoint
INSERT INTO card_province_codes (code, valid_from, valid_to, name, successor_code, source) VALUES ('64', '2016-01-01', '2025-06-30', 'Gia Lai', '52', 'QĐ 124/2004/QĐ-TTg (mã tỉnh, 63 tỉnh); mã tỉnh trên thẻ 15 ký tự: domain.md §1.1; NQ 202/2025/QH15 (34 tỉnh); mã QĐ 19/2025/QĐ-TTg từ 1/7/2025: domain.md §6.1');
--> statement-breakpoint
INSERT INTO card_province_codes (code, valid_from, valid_to, name, successor_code, source) VALUES ('66', '2016-01-01', NULL, 'Đắk Lắk', NULL, 'QĐ 124/2004/QĐ-TTg (mã tỉnh, 63 tỉnh); mã tỉnh trên thẻ 15 ký tự: domain.md §1.1; NQ 202/2025/QH15 (34 tỉnh); mã QĐ 19/2025/QĐ-TTg từ 1/7/2025: domain.md §6.1');
--> statement-breakpoint
INSERT INTO card_province_codes (code, valid_from, valid_to, name, successor_code, source) VALUES ('67', '2016-01-01', '2025-06-30', 'Đắk Nông', '68', 'QĐ 124/2004/QĐ-TTg (mã tỉnh, 63 tỉnh); mã tỉnh trên thẻ 15 ký tự: domain.md §1.1; NQ 202/2025/QH15 (34 tỉnh); mã QĐ 19/2025/QĐ-TTg từ 1/7/2025: domain.md §6.1');
--> statement-breakpoint
INSERT INTO card_province_codes (code, valid_from, valid_to, name, successor_code, source) VALUES ('68', '2016-01-01', NULL, 'Lâm Đồng', NULL, 'QĐ 124/2004/QĐ-TTg (mã tỉnh, 63 tỉnh); mã tỉnh trên thẻ 15 ký tự: domain.md §1.1; NQ 202/2025/QH15 (34 tỉnh); mã QĐ 19/2025/QĐ-TTg từ 1/7/2025: domain.md §6.1');
--> statement-breakpoint
INSERT INTO card_province_codes (code, valid_from, valid_to, name, successor_code, source) VALUES ('70', '2016-01-01', '2025-06-30', 'Bình Phước', '75', 'QĐ 124/2004/QĐ-TTg (mã tỉnh, 63 tỉnh); mã tỉnh trên thẻ 15 ký tự: domain.md §1.1; NQ 202/2025/QH15 (34 tỉnh); mã QĐ 19/2025/QĐ-TTg từ 1/7/2025: domain.md §6.1');
--> statement-breakpoint
INSERT INTO card_province_codes (code, valid_from, valid_to, name, successor_code, source) VALUES ('72', '2016-01-01', '2025-06-30', 'Tây Ninh', '80', 'QĐ 124/2004/QĐ-TTg (mã tỉnh, 63 tỉnh); mã tỉnh trên thẻ 15 ký tự: domain.md §1.1; NQ 202/2025/QH15 (34 tỉnh); mã QĐ 19/2025/QĐ-TTg từ 1/7/2025: domain.md §6.1');
--> statement-breakpoint
INSERT INTO card_province_codes (code, valid_from, valid_to, name, successor_code, source) VALUES ('74', '2016-01-01', '2025-06-30', 'Bình Dương', '79', 'QĐ 124/2004/QĐ-TTg (mã tỉnh, 63 tỉnh); mã tỉnh trên thẻ 15 ký tự: domain.md §1.1; NQ 202/2025/QH15 (34 tỉnh); mã QĐ 19/2025/QĐ-TTg từ 1/7/2025: domain.md §6.1');
--> statement-breakpoint
INSERT INTO card_province_codes (code, valid_from, valid_to, name, successor_code, source) VALUES ('75', '2016-01-01', NULL, 'Đồng Nai', NULL, 'QĐ 124/2004/QĐ-TTg (mã tỉnh, 63 tỉnh); mã tỉnh trên thẻ 15 ký tự: domain.md §1.1; NQ 202/2025/QH15 (34 tỉnh); mã QĐ 19/2025/QĐ-TTg từ 1/7/2025: domain.md §6.1');
--> statement-breakpoint
INSERT INTO card_province_codes (code, valid_from, valid_to, name, successor_code, source) VALUES ('77', '2016-01-01', '2025-06-30', 'Bà Rịa - Vũng Tàu', '79', 'QĐ 124/2004/QĐ-TTg (mã tỉnh, 63 tỉnh); mã tỉnh trên thẻ 15 ký tự: domain.md §1.1; NQ 202/2025/QH15 (34 tỉnh); mã QĐ 19/2025/QĐ-TTg từ 1/7/2025: domain.md §6.1');
--> statement-breakpoint
INSERT INTO card_province_codes (code, valid_from, valid_to, name, successor_code, source) VALUES ('79', '2016-01-01', NULL, 'TP Hồ Chí Minh', NULL, 'QĐ 124/2004/QĐ-TTg (mã tỉnh, 63 tỉnh); mã tỉnh trên thẻ 15 ký tự: domain.md §1.1; NQ 202/2025/QH15 (34 tỉnh); mã QĐ 19/2025/QĐ-TTg từ 1/7/2025: domain.md §6.1');
--> statement-breakpoint
INSERT INTO card_province_codes (code, valid_from, valid_to, name, successor_code, source) VALUES ('80', '2016-01-01', '2025-06-30', 'Long An', '80', 'QĐ 124/2004/QĐ-TTg (mã tỉnh, 63 tỉnh); mã tỉnh trên thẻ 15 ký tự: domain.md §1.1; NQ 202/2025/QH15 (34 tỉnh); mã QĐ 19/2025/QĐ-TTg từ 1/7/2025: domain.md §6.1');
--> statement-breakpoint
INSERT INTO card_province_codes (code, valid_from, valid_to, name, successor_code, source) VALUES ('80', '2025-07-01', NULL, 'Tây Ninh', NULL, 'NQ 202/2025/QH15 (34 tỉnh); mã QĐ 19/2025/QĐ-TTg từ 1/7/2025: domain.md §6.1');
--> statement-breakpoint
INSERT INTO card_province_codes (code, valid_from, valid_to, name, successor_code, source) VALUES ('82', '2016-01-01', '2025-06-30', 'Tiền Giang', '82', 'QĐ 124/2004/QĐ-TTg (mã tỉnh, 63 tỉnh); mã tỉnh trên thẻ 15 ký tự: domain.md §1.1; NQ 202/2025/QH15 (34 tỉnh); mã QĐ 19/2025/QĐ-TTg từ 1/7/2025: domain.md §6.1');
--> statement-breakpoint
INSERT INTO card_province_codes (code, valid_from, valid_to, name, successor_code, source) VALUES ('82', '2025-07-01', NULL, 'Đồng Tháp', NULL, 'NQ 202/2025/QH15 (34 tỉnh); mã QĐ 19/2025/QĐ-TTg từ 1/7/2025: domain.md §6.1');
--> statement-breakpoint
INSERT INTO card_province_codes (code, valid_from, valid_to, name, successor_code, source) VALUES ('83', '2016-01-01', '2025-06-30', 'Bến Tre', '86', 'QĐ 124/2004/QĐ-TTg (mã tỉnh, 63 tỉnh); mã tỉnh trên thẻ 15 ký tự: domain.md §1.1; NQ 202/2025/QH15 (34 tỉnh); mã QĐ 19/2025/QĐ-TTg từ 1/7/2025: domain.md §6.1');
--> statement-breakpoint
INSERT INTO card_province_codes (code, valid_from, valid_to, name, successor_code, source) VALUES ('84', '2016-01-01', '2025-06-30', 'Trà Vinh', '86', 'QĐ 124/2004/QĐ-TTg (mã tỉnh, 63 tỉnh); mã tỉnh trên thẻ 15 ký tự: domain.md §1.1; NQ 202/2025/QH15 (34 tỉnh); mã QĐ 19/2025/QĐ-TTg từ 1/7/2025: domain.md §6.1');
--> statement-breakpoint
INSERT INTO card_province_codes (code, valid_from, valid_to, name, successor_code, source) VALUES ('86', '2016-01-01', NULL, 'Vĩnh Long', NULL, 'QĐ 124/2004/QĐ-TTg (mã tỉnh, 63 tỉnh); mã tỉnh trên thẻ 15 ký tự: domain.md §1.1; NQ 202/2025/QH15 (34 tỉnh); mã QĐ 19/2025/QĐ-TTg từ 1/7/2025: domain.md §6.1');
--> statement-breakpoint
INSERT INTO card_province_codes (code, valid_from, valid_to, name, successor_code, source) VALUES ('87', '2016-01-01', '2025-06-30', 'Đồng Tháp', '82', 'QĐ 124/2004/QĐ-TTg (mã tỉnh, 63 tỉnh); mã tỉnh trên thẻ 15 ký tự: domain.md §1.1; NQ 202/2025/QH15 (34 tỉnh); mã QĐ 19/2025/QĐ-TTg từ 1/7/2025: domain.md §6.1');
--> statement-breakpoint
INSERT INTO card_province_codes (code, valid_from, valid_to, name, successor_code, source) VALUES ('89', '2016-01-01', '2025-06-30', 'An Giang', '91', 'QĐ 124/2004/QĐ-TTg (mã tỉnh, 63 tỉnh); mã tỉnh trên thẻ 15 ký tự: domain.md §1.1; NQ 202/2025/QH15 (34 tỉnh); mã QĐ 19/2025/QĐ-TTg từ 1/7/2025: domain.md §6.1');
--> statement-breakpoint
INSERT INTO card_province_codes (code, valid_from, valid_to, name, successor_code, source) VALUES ('91', '2016-01-01', '2025-06-30', 'Kiên Giang', '91', 'QĐ 124/2004/QĐ-TTg (mã tỉnh, 63 tỉnh); mã tỉnh trên thẻ 15 ký tự: domain.md §1.1; NQ 202/2025/QH15 (34 tỉnh); mã QĐ 19/2025/QĐ-TTg từ 1/7/2025: domain.md §6.1');
--> statement-breakpoint
INSERT INTO card_province_codes (code, valid_from, valid_to, name, successor_code, source) VALUES ('91', '2025-07-01', NULL, 'An Giang', NULL, 'NQ 202/2025/QH15 (34 tỉnh); mã QĐ 19/2025/QĐ-TTg từ 1/7/2025: domain.md §6.1');
--> statement-breakpoint
INSERT INTO card_province_codes (code, valid_from, valid_to, name, successor_code, source) VALUES ('92', '2016-01-01', NULL, 'Cần Thơ', NULL, 'QĐ 124/2004/QĐ-TTg (mã tỉnh, 63 tỉnh); mã tỉnh trên thẻ 15 ký tự: domain.md §1.1; NQ 202/2025/QH15 (34 tỉnh); mã QĐ 19/2025/QĐ-TTg từ 1/7/2025: domain.md §6.1');
--> statement-breakpoint
INSERT INTO card_province_codes (code, valid_from, valid_to, name, successor_code, source) VALUES ('93', '2016-01-01', '2025-06-30', 'Hậu Giang', '92', 'QĐ 124/2004/QĐ-TTg (mã tỉnh, 63 tỉnh); mã tỉnh trên thẻ 15 ký tự: domain.md §1.1; NQ 202/2025/QH15 (34 tỉnh); mã QĐ 19/2025/QĐ-TTg từ 1/7/2025: domain.md §6.1');
--> statement-breakpoint
INSERT INTO card_province_codes (code, valid_from, valid_to, name, successor_code, source) VALUES ('94', '2016-01-01', '2025-06-30', 'Sóc Trăng', '92', 'QĐ 124/2004/QĐ-TTg (mã tỉnh, 63 tỉnh); mã tỉnh trên thẻ 15 ký tự: domain.md §1.1; NQ 202/2025/QH15 (34 tỉnh); mã QĐ 19/2025/QĐ-TTg từ 1/7/2025: domain.md §6.1');
--> statement-breakpoint
INSERT INTO card_province_codes (code, valid_from, valid_to, name, successor_code, source) VALUES ('95', '2016-01-01', '2025-06-30', 'Bạc Liêu', '96', 'QĐ 124/2004/QĐ-TTg (mã tỉnh, 63 tỉnh); mã tỉnh trên thẻ 15 ký tự: domain.md §1.1; NQ 202/2025/QH15 (34 tỉnh); mã QĐ 19/2025/QĐ-TTg từ 1/7/2025: domain.md §6.1');
--> statement-breakpoint
INSERT INTO card_province_codes (code, valid_from, valid_to, name, successor_code, source) VALUES ('96', '2016-01-01', NULL, 'Cà Mau', NULL, 'QĐ 124/2004/QĐ-TTg (mã tỉnh, 63 tỉnh); mã tỉnh trên thẻ 15 ký tự: domain.md §1.1; NQ 202/2025/QH15 (34 tỉnh); mã QĐ 19/2025/QĐ-TTg từ 1/7/2025: domain.md §6.1');
--> statement-breakpoint
INSERT INTO card_province_codes (code, valid_from, valid_to, name, successor_code, source) VALUES ('97', '2016-01-01', NULL, 'BHXH Bộ Quốc phòng', NULL, 'UNCONFIRMED: domain.md §1.1 (mã thường được nói là 97 cho BHXH Bộ Quốc phòng)');
--> statement-breakpoint
INSERT INTO card_province_codes (code, valid_from, valid_to, name, successor_code, source) VALUES ('98', '2016-01-01', NULL, 'BHXH Công an nhân dân', NULL, 'UNCONFIRMED: domain.md §1.1 (mã thường được nói là 98 cho BHXH Công an nhân dân)');
--> statement-breakpoint
INSERT INTO benefit_level_rates (level, valid_from, valid_to, percent, ratio_caps, transport, outside_package, source) VALUES (1, '2016-01-01', NULL, 100, 0, 1, 0, 'QĐ 1351/QĐ-BHXH (16/11/2015), ý nghĩa mã mức hưởng; domain.md §1.2');
--> statement-breakpoint
INSERT INTO benefit_level_rates (level, valid_from, valid_to, percent, ratio_caps, transport, outside_package, source) VALUES (2, '2016-01-01', NULL, 100, 1, 1, 0, 'QĐ 1351/QĐ-BHXH (16/11/2015), ý nghĩa mã mức hưởng; domain.md §1.2');
--> statement-breakpoint
INSERT INTO benefit_level_rates (level, valid_from, valid_to, percent, ratio_caps, transport, outside_package, source) VALUES (3, '2016-01-01', NULL, 95, 1, 0, 0, 'QĐ 1351/QĐ-BHXH (16/11/2015), ý nghĩa mã mức hưởng; domain.md §1.2');
--> statement-breakpoint
INSERT INTO benefit_level_rates (level, valid_from, valid_to, percent, ratio_caps, transport, outside_package, source) VALUES (4, '2016-01-01', NULL, 80, 1, 0, 0, 'QĐ 1351/QĐ-BHXH (16/11/2015), ý nghĩa mã mức hưởng; domain.md §1.2');
--> statement-breakpoint
INSERT INTO benefit_level_rates (level, valid_from, valid_to, percent, ratio_caps, transport, outside_package, source) VALUES (5, '2016-01-01', NULL, 100, 0, 1, 1, 'QĐ 1351/QĐ-BHXH (16/11/2015), ý nghĩa mã mức hưởng; domain.md §1.2');
--> statement-breakpoint
INSERT INTO benefit_rule_values (rule, valid_from, valid_to, value, source) VALUES ('low_cost_visit', '2015-01-01', NULL, 15, 'Luật 46/2014/QH13 Đ22 k1 (chi phí một lần KCB thấp hơn mức Chính phủ quy định: 15% lương cơ sở); NĐ 188/2025 giữ 15% là PROBABLE: domain.md §1.2');
--> statement-breakpoint
INSERT INTO benefit_rule_values (rule, valid_from, valid_to, value, source) VALUES ('primary_care', '2015-01-01', NULL, 100, 'Luật 46/2014/QH13 Đ22 (tuyến xã); Luật 51/2024/QH15 Đ22 (cơ sở cấp ban đầu, từ 1/1/2025): domain.md §1.2, §2.3');
--> statement-breakpoint
INSERT INTO benefit_rule_values (rule, valid_from, valid_to, value, source) VALUES ('five_year_copay', '2015-01-01', NULL, 6, 'Luật 46/2014/QH13 Đ22 k1 c (6 tháng lương cơ sở); Luật 51/2024/QH15 Đ22 k1 d (6 lần mức tham chiếu, bằng lương cơ sở theo Đ3 k5 b); NĐ 188/2025 Đ18 k2 (đến hết 31/12): domain.md §1.4');
--> statement-breakpoint
INSERT INTO benefit_rule_values (rule, valid_from, valid_to, value, source) VALUES ('self_referral_inpatient_specialised', '2025-01-01', NULL, 40, 'Luật 51/2024/QH15 Đ22 k3-5 (hiệu lực từ 1/1/2025): domain.md §2.4');
--> statement-breakpoint
INSERT INTO contribution_rates (valid_from, valid_to, rate_bp, instrument, source) VALUES ('2019-07-01', '2025-06-30', 450, 'NĐ 146/2018/NĐ-CP', '4,5% lương cơ sở; domain.md §3.3 dùng cùng mức cho lương cơ sở 2019-2024 (văn bản NĐ 146 chưa đối chiếu). Ngày bắt đầu là mốc lương cơ sở sớm nhất trong base_salaries, không phải ngày ban hành');
--> statement-breakpoint
INSERT INTO contribution_rates (valid_from, valid_to, rate_bp, instrument, source) VALUES ('2025-07-01', NULL, 450, 'NĐ 188/2025/NĐ-CP', '4,5% lương cơ sở (mức tham chiếu): domain.md §3.1 [SEC]');
--> statement-breakpoint
INSERT INTO household_discounts (group_code, from_member, valid_from, valid_to, percent_bp, source) VALUES ('GD', 1, '2019-07-01', NULL, 10000, 'Luật BHYT Đ13 (46/2014 sửa đổi; 51/2024/QH15 Đ13 k6), NĐ 188/2025: người thứ 2, 3, 4 đóng 70%, 60%, 50%; từ người thứ 5 đóng 40% mức người thứ nhất: domain.md §3.1. Ngày bắt đầu là mốc sớm nhất được hỗ trợ');
--> statement-breakpoint
INSERT INTO household_discounts (group_code, from_member, valid_from, valid_to, percent_bp, source) VALUES ('GD', 2, '2019-07-01', NULL, 7000, 'Luật BHYT Đ13 (46/2014 sửa đổi; 51/2024/QH15 Đ13 k6), NĐ 188/2025: người thứ 2, 3, 4 đóng 70%, 60%, 50%; từ người thứ 5 đóng 40% mức người thứ nhất: domain.md §3.1. Ngày bắt đầu là mốc sớm nhất được hỗ trợ');
--> statement-breakpoint
INSERT INTO household_discounts (group_code, from_member, valid_from, valid_to, percent_bp, source) VALUES ('GD', 3, '2019-07-01', NULL, 6000, 'Luật BHYT Đ13 (46/2014 sửa đổi; 51/2024/QH15 Đ13 k6), NĐ 188/2025: người thứ 2, 3, 4 đóng 70%, 60%, 50%; từ người thứ 5 đóng 40% mức người thứ nhất: domain.md §3.1. Ngày bắt đầu là mốc sớm nhất được hỗ trợ');
--> statement-breakpoint
INSERT INTO household_discounts (group_code, from_member, valid_from, valid_to, percent_bp, source) VALUES ('GD', 4, '2019-07-01', NULL, 5000, 'Luật BHYT Đ13 (46/2014 sửa đổi; 51/2024/QH15 Đ13 k6), NĐ 188/2025: người thứ 2, 3, 4 đóng 70%, 60%, 50%; từ người thứ 5 đóng 40% mức người thứ nhất: domain.md §3.1. Ngày bắt đầu là mốc sớm nhất được hỗ trợ');
--> statement-breakpoint
INSERT INTO household_discounts (group_code, from_member, valid_from, valid_to, percent_bp, source) VALUES ('GD', 5, '2019-07-01', NULL, 4000, 'Luật BHYT Đ13 (46/2014 sửa đổi; 51/2024/QH15 Đ13 k6), NĐ 188/2025: người thứ 2, 3, 4 đóng 70%, 60%, 50%; từ người thứ 5 đóng 40% mức người thứ nhất: domain.md §3.1. Ngày bắt đầu là mốc sớm nhất được hỗ trợ');
--> statement-breakpoint
INSERT INTO state_supports (group_code, valid_from, valid_to, percent_bp, source) VALUES ('GD', '2019-07-01', NULL, 0, 'Luật BHYT Đ12 k5: hộ gia đình tự đóng, ngân sách trung ương không hỗ trợ: domain.md §2.2');
--> statement-breakpoint
INSERT INTO state_supports (group_code, valid_from, valid_to, percent_bp, source) VALUES ('HS', '2019-07-01', '2025-06-30', 3000, 'Ngân sách hỗ trợ tối thiểu 30% trước 1/7/2025: domain.md §2.5');
--> statement-breakpoint
INSERT INTO state_supports (group_code, valid_from, valid_to, percent_bp, source) VALUES ('HS', '2025-07-01', NULL, 5000, 'NĐ 188/2025/NĐ-CP: tối thiểu 50% từ 1/7/2025: domain.md §2.5, §3.1');
--> statement-breakpoint
INSERT INTO state_supports (group_code, valid_from, valid_to, percent_bp, source) VALUES ('SV', '2019-07-01', '2025-06-30', 3000, 'Ngân sách hỗ trợ tối thiểu 30% trước 1/7/2025: domain.md §2.5');
--> statement-breakpoint
INSERT INTO state_supports (group_code, valid_from, valid_to, percent_bp, source) VALUES ('SV', '2025-07-01', NULL, 5000, 'NĐ 188/2025/NĐ-CP: tối thiểu 50% từ 1/7/2025: domain.md §2.5, §3.1');
--> statement-breakpoint
INSERT INTO state_supports (group_code, valid_from, valid_to, percent_bp, source) VALUES ('CN', '2019-07-01', NULL, 7000, 'NĐ 188/2025/NĐ-CP: cận nghèo tối thiểu 70% (mức sàn; hộ cận nghèo ở xã nghèo 100% không tách được theo mã nhóm): domain.md §3.1 [SEC]; cùng mức trước 1/7/2025 chưa đối chiếu văn bản');
--> statement-breakpoint
INSERT INTO state_supports (group_code, valid_from, valid_to, percent_bp, source) VALUES ('GB', '2019-07-01', NULL, 3000, 'NĐ 188/2025/NĐ-CP: hộ nông, lâm, ngư, diêm nghiệp có mức sống trung bình tối thiểu 30%: domain.md §3.1 [SEC]; cùng mức trước 1/7/2025 chưa đối chiếu văn bản');
--> statement-breakpoint
INSERT INTO province_supports (province_code, group_code, valid_from, valid_to, percent_bp, instrument, source, is_demo) VALUES ('64', 'CN', '2023-01-01', '2025-12-31', 3000, 'NQ 48/2022/NQ-HĐND tỉnh Gia Lai (9/12/2022)', 'baohiemxahoi.gov.vn ItemID=19832 (11/12/2022): domain.md §3.4 [NEWS]. Mã 64 là tỉnh Gia Lai trước sáp nhập. Phần +30% cho học sinh, sinh viên người dân tộc thiểu số không tách được theo mã nhóm nên không ghi', 0);
--> statement-breakpoint
INSERT INTO province_supports (province_code, group_code, valid_from, valid_to, percent_bp, instrument, source, is_demo) VALUES ('64', 'GB', '2023-01-01', '2025-12-31', 1000, 'NQ 48/2022/NQ-HĐND tỉnh Gia Lai (9/12/2022)', 'baohiemxahoi.gov.vn ItemID=19832 (11/12/2022): domain.md §3.4 [NEWS]. Mã 64 là tỉnh Gia Lai trước sáp nhập. Phần +30% cho học sinh, sinh viên người dân tộc thiểu số không tách được theo mã nhóm nên không ghi', 0);
--> statement-breakpoint
INSERT INTO province_supports (province_code, group_code, valid_from, valid_to, percent_bp, instrument, source, is_demo) VALUES ('79', 'HS', '2025-11-14', NULL, 5000, 'Nghị quyết HĐND TP Hồ Chí Minh thông qua 14/11/2025 (số hiệu UNCONFIRMED)', 'domain.md §3.4 [SEC tnt305 5fbdf6685f02f46e.md]: đóng toàn bộ BHYT cho học sinh (phần còn lại sau hỗ trợ trung ương 50%). UNCONFIRMED: số nghị quyết, phạm vi; thẻ còn hạn được hỗ trợ khi hết hạn. Phần người trên 65 tuổi không tách được theo mã nhóm nên không ghi', 0);
