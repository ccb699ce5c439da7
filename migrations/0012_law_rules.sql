CREATE TABLE `commune_status_supports` (
	`group_code` text NOT NULL,
	`status` text NOT NULL,
	`valid_from` text NOT NULL,
	`valid_to` text,
	`percent_bp` integer NOT NULL,
	`source` text NOT NULL,
	PRIMARY KEY(`group_code`, `status`, `valid_from`),
	FOREIGN KEY (`group_code`) REFERENCES `participant_groups`(`code`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE TABLE `commune_statuses` (
	`unit_code` text NOT NULL,
	`status` text NOT NULL,
	`valid_from` text NOT NULL,
	`valid_to` text,
	`source` text NOT NULL,
	`is_demo` integer DEFAULT false NOT NULL,
	PRIMARY KEY(`unit_code`, `status`, `valid_from`)
);
--> statement-breakpoint
CREATE TABLE `group_transports` (
	`group_code` text NOT NULL,
	`valid_from` text NOT NULL,
	`valid_to` text,
	`source` text NOT NULL,
	PRIMARY KEY(`group_code`, `valid_from`),
	FOREIGN KEY (`group_code`) REFERENCES `participant_groups`(`code`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE TABLE `payment_periods` (
	`group_code` text NOT NULL,
	`months` integer NOT NULL,
	`valid_from` text NOT NULL,
	`valid_to` text,
	`source` text NOT NULL,
	PRIMARY KEY(`group_code`, `months`, `valid_from`)
);
--> statement-breakpoint
CREATE TABLE `waiting_rules` (
	`valid_from` text PRIMARY KEY NOT NULL,
	`valid_to` text,
	`wait_days` integer NOT NULL,
	`gap_unit` text NOT NULL,
	`gap_length` integer NOT NULL,
	`source` text NOT NULL
);
--> statement-breakpoint
ALTER TABLE `participant_groups` ADD `next_card_funding` text;--> statement-breakpoint
ALTER TABLE `participant_groups` ADD `renews_via` text;
--> statement-breakpoint
UPDATE participant_groups SET next_card_funding = 'household' WHERE code = 'TE';
--> statement-breakpoint
UPDATE participant_groups SET renews_via = 'school' WHERE code IN ('HS', 'SV');
--> statement-breakpoint
INSERT INTO group_transports (group_code, valid_from, valid_to, source) VALUES ('QN', '2016-01-01', NULL, 'Luật BHYT Đ21 k1 b (46/2014; 51/2024): vận chuyển người bệnh khi cấp cứu hoặc đang điều trị nội trú phải chuyển cơ sở KCB, chỉ cho các đối tượng luật liệt kê. Ánh xạ điểm của Đ12 k3 sang mã thẻ theo bảng QĐ 1351 (mức 1, 2, 5): UNCONFIRMED; CN, LH, CT, AK không được liệt kê: domain.md §1.2, §2.3');
--> statement-breakpoint
INSERT INTO group_transports (group_code, valid_from, valid_to, source) VALUES ('CA', '2016-01-01', NULL, 'Luật BHYT Đ21 k1 b (46/2014; 51/2024): vận chuyển người bệnh khi cấp cứu hoặc đang điều trị nội trú phải chuyển cơ sở KCB, chỉ cho các đối tượng luật liệt kê. Ánh xạ điểm của Đ12 k3 sang mã thẻ theo bảng QĐ 1351 (mức 1, 2, 5): UNCONFIRMED; CN, LH, CT, AK không được liệt kê: domain.md §1.2, §2.3');
--> statement-breakpoint
INSERT INTO group_transports (group_code, valid_from, valid_to, source) VALUES ('CY', '2016-01-01', NULL, 'Luật BHYT Đ21 k1 b (46/2014; 51/2024): vận chuyển người bệnh khi cấp cứu hoặc đang điều trị nội trú phải chuyển cơ sở KCB, chỉ cho các đối tượng luật liệt kê. Ánh xạ điểm của Đ12 k3 sang mã thẻ theo bảng QĐ 1351 (mức 1, 2, 5): UNCONFIRMED; CN, LH, CT, AK không được liệt kê: domain.md §1.2, §2.3');
--> statement-breakpoint
INSERT INTO group_transports (group_code, valid_from, valid_to, source) VALUES ('CC', '2016-01-01', NULL, 'Luật BHYT Đ21 k1 b (46/2014; 51/2024): vận chuyển người bệnh khi cấp cứu hoặc đang điều trị nội trú phải chuyển cơ sở KCB, chỉ cho các đối tượng luật liệt kê. Ánh xạ điểm của Đ12 k3 sang mã thẻ theo bảng QĐ 1351 (mức 1, 2, 5): UNCONFIRMED; CN, LH, CT, AK không được liệt kê: domain.md §1.2, §2.3');
--> statement-breakpoint
INSERT INTO group_transports (group_code, valid_from, valid_to, source) VALUES ('TE', '2016-01-01', NULL, 'Luật BHYT Đ21 k1 b (46/2014; 51/2024): vận chuyển người bệnh khi cấp cứu hoặc đang điều trị nội trú phải chuyển cơ sở KCB, chỉ cho các đối tượng luật liệt kê. Ánh xạ điểm của Đ12 k3 sang mã thẻ theo bảng QĐ 1351 (mức 1, 2, 5): UNCONFIRMED; CN, LH, CT, AK không được liệt kê: domain.md §1.2, §2.3');
--> statement-breakpoint
INSERT INTO group_transports (group_code, valid_from, valid_to, source) VALUES ('CK', '2016-01-01', NULL, 'Luật BHYT Đ21 k1 b (46/2014; 51/2024): vận chuyển người bệnh khi cấp cứu hoặc đang điều trị nội trú phải chuyển cơ sở KCB, chỉ cho các đối tượng luật liệt kê. Ánh xạ điểm của Đ12 k3 sang mã thẻ theo bảng QĐ 1351 (mức 1, 2, 5): UNCONFIRMED; CN, LH, CT, AK không được liệt kê: domain.md §1.2, §2.3');
--> statement-breakpoint
INSERT INTO group_transports (group_code, valid_from, valid_to, source) VALUES ('CB', '2016-01-01', NULL, 'Luật BHYT Đ21 k1 b (46/2014; 51/2024): vận chuyển người bệnh khi cấp cứu hoặc đang điều trị nội trú phải chuyển cơ sở KCB, chỉ cho các đối tượng luật liệt kê. Ánh xạ điểm của Đ12 k3 sang mã thẻ theo bảng QĐ 1351 (mức 1, 2, 5): UNCONFIRMED; CN, LH, CT, AK không được liệt kê: domain.md §1.2, §2.3');
--> statement-breakpoint
INSERT INTO group_transports (group_code, valid_from, valid_to, source) VALUES ('KC', '2016-01-01', NULL, 'Luật BHYT Đ21 k1 b (46/2014; 51/2024): vận chuyển người bệnh khi cấp cứu hoặc đang điều trị nội trú phải chuyển cơ sở KCB, chỉ cho các đối tượng luật liệt kê. Ánh xạ điểm của Đ12 k3 sang mã thẻ theo bảng QĐ 1351 (mức 1, 2, 5): UNCONFIRMED; CN, LH, CT, AK không được liệt kê: domain.md §1.2, §2.3');
--> statement-breakpoint
INSERT INTO group_transports (group_code, valid_from, valid_to, source) VALUES ('HN', '2016-01-01', NULL, 'Luật BHYT Đ21 k1 b (46/2014; 51/2024): vận chuyển người bệnh khi cấp cứu hoặc đang điều trị nội trú phải chuyển cơ sở KCB, chỉ cho các đối tượng luật liệt kê. Ánh xạ điểm của Đ12 k3 sang mã thẻ theo bảng QĐ 1351 (mức 1, 2, 5): UNCONFIRMED; CN, LH, CT, AK không được liệt kê: domain.md §1.2, §2.3');
--> statement-breakpoint
INSERT INTO group_transports (group_code, valid_from, valid_to, source) VALUES ('DT', '2016-01-01', NULL, 'Luật BHYT Đ21 k1 b (46/2014; 51/2024): vận chuyển người bệnh khi cấp cứu hoặc đang điều trị nội trú phải chuyển cơ sở KCB, chỉ cho các đối tượng luật liệt kê. Ánh xạ điểm của Đ12 k3 sang mã thẻ theo bảng QĐ 1351 (mức 1, 2, 5): UNCONFIRMED; CN, LH, CT, AK không được liệt kê: domain.md §1.2, §2.3');
--> statement-breakpoint
INSERT INTO group_transports (group_code, valid_from, valid_to, source) VALUES ('DK', '2016-01-01', NULL, 'Luật BHYT Đ21 k1 b (46/2014; 51/2024): vận chuyển người bệnh khi cấp cứu hoặc đang điều trị nội trú phải chuyển cơ sở KCB, chỉ cho các đối tượng luật liệt kê. Ánh xạ điểm của Đ12 k3 sang mã thẻ theo bảng QĐ 1351 (mức 1, 2, 5): UNCONFIRMED; CN, LH, CT, AK không được liệt kê: domain.md §1.2, §2.3');
--> statement-breakpoint
INSERT INTO group_transports (group_code, valid_from, valid_to, source) VALUES ('XD', '2016-01-01', NULL, 'Luật BHYT Đ21 k1 b (46/2014; 51/2024): vận chuyển người bệnh khi cấp cứu hoặc đang điều trị nội trú phải chuyển cơ sở KCB, chỉ cho các đối tượng luật liệt kê. Ánh xạ điểm của Đ12 k3 sang mã thẻ theo bảng QĐ 1351 (mức 1, 2, 5): UNCONFIRMED; CN, LH, CT, AK không được liệt kê: domain.md §1.2, §2.3');
--> statement-breakpoint
INSERT INTO group_transports (group_code, valid_from, valid_to, source) VALUES ('BT', '2016-01-01', NULL, 'Luật BHYT Đ21 k1 b (46/2014; 51/2024): vận chuyển người bệnh khi cấp cứu hoặc đang điều trị nội trú phải chuyển cơ sở KCB, chỉ cho các đối tượng luật liệt kê. Ánh xạ điểm của Đ12 k3 sang mã thẻ theo bảng QĐ 1351 (mức 1, 2, 5): UNCONFIRMED; CN, LH, CT, AK không được liệt kê: domain.md §1.2, §2.3');
--> statement-breakpoint
INSERT INTO group_transports (group_code, valid_from, valid_to, source) VALUES ('TS', '2016-01-01', NULL, 'Luật BHYT Đ21 k1 b (46/2014; 51/2024): vận chuyển người bệnh khi cấp cứu hoặc đang điều trị nội trú phải chuyển cơ sở KCB, chỉ cho các đối tượng luật liệt kê. Ánh xạ điểm của Đ12 k3 sang mã thẻ theo bảng QĐ 1351 (mức 1, 2, 5): UNCONFIRMED; CN, LH, CT, AK không được liệt kê: domain.md §1.2, §2.3');
--> statement-breakpoint
INSERT INTO waiting_rules (valid_from, valid_to, wait_days, gap_unit, gap_length, source) VALUES ('2015-01-01', '2025-06-30', 30, 'fiscal_months', 3, 'Luật 46/2014/QH13 Đ16 k3 c: tham gia lần đầu hoặc gián đoạn từ 3 tháng trở lên trong năm tài chính: thẻ có giá trị sau 30 ngày kể từ ngày đóng: domain.md §4');
--> statement-breakpoint
INSERT INTO waiting_rules (valid_from, valid_to, wait_days, gap_unit, gap_length, source) VALUES ('2025-07-01', NULL, 30, 'days', 90, 'Luật 51/2024/QH15 Đ1 k14 b (Luật BHYT Đ16 k3 c): tham gia lần đầu hoặc gián đoạn từ 90 ngày trở lên: thẻ có giá trị sau 30 ngày kể từ ngày đóng đủ: domain.md §4');
--> statement-breakpoint
INSERT INTO commune_status_supports (group_code, status, valid_from, valid_to, percent_bp, source) VALUES ('CN', 'poor', '2025-07-01', NULL, 10000, 'NĐ 188/2025/NĐ-CP: người thuộc hộ cận nghèo sống ở xã nghèo được hỗ trợ 100%: domain.md §3.1 [SEC]');
--> statement-breakpoint
INSERT INTO commune_status_supports (group_code, status, valid_from, valid_to, percent_bp, source) VALUES ('CN', 'ethnic_minority_disadvantaged', '2025-07-01', NULL, 10000, 'Luật 51/2024/QH15 Đ12 k3 o: người dân tộc thiểu số thuộc hộ cận nghèo sống ở vùng đồng bào dân tộc thiểu số và miền núi do ngân sách đóng toàn bộ: domain.md §3.1 [LAW]. UNCONFIRMED: áp theo xã chứ không theo dân tộc của từng người');
--> statement-breakpoint
INSERT INTO commune_status_supports (group_code, status, valid_from, valid_to, percent_bp, source) VALUES ('CN', 'poor', '2019-07-01', '2025-06-30', 10000, 'Trước 1/7/2025 (NĐ 146/2018): cận nghèo ở xã nghèo được hỗ trợ 100% theo kế hoạch xã Ngọc Phụng 2025 (seed 002: hộ nghèo, cận nghèo được cấp thẻ miễn phí). UNCONFIRMED: văn bản gốc chưa đối chiếu');
--> statement-breakpoint
INSERT INTO payment_periods (group_code, months, valid_from, valid_to, source) VALUES ('*', 3, '2015-01-01', NULL, 'Luật BHYT Đ15 k6: đóng 3 tháng, 6 tháng hoặc 12 tháng một lần (46/2014, không sửa đổi): domain.md §3.1');
--> statement-breakpoint
INSERT INTO payment_periods (group_code, months, valid_from, valid_to, source) VALUES ('*', 6, '2015-01-01', NULL, 'Luật BHYT Đ15 k6: đóng 3 tháng, 6 tháng hoặc 12 tháng một lần (46/2014, không sửa đổi): domain.md §3.1');
--> statement-breakpoint
INSERT INTO payment_periods (group_code, months, valid_from, valid_to, source) VALUES ('*', 12, '2015-01-01', NULL, 'Luật BHYT Đ15 k6: đóng 3 tháng, 6 tháng hoặc 12 tháng một lần (46/2014, không sửa đổi): domain.md §3.1');
--> statement-breakpoint
INSERT INTO payment_periods (group_code, months, valid_from, valid_to, source) VALUES ('HS', 9, '2015-01-01', NULL, 'Học sinh lớp 12 đóng 9 tháng (đến hết năm học cuối), học sinh lớp 1 đóng 13–15 tháng (nối từ thẻ trẻ em dưới 6 tuổi đến hết năm học): hướng dẫn thu BHYT học sinh của BHXH (QĐ 595/QĐ-BHXH và văn bản thay thế). UNCONFIRMED: số văn bản hiện hành chưa đối chiếu');
--> statement-breakpoint
INSERT INTO payment_periods (group_code, months, valid_from, valid_to, source) VALUES ('HS', 13, '2015-01-01', NULL, 'Học sinh lớp 12 đóng 9 tháng (đến hết năm học cuối), học sinh lớp 1 đóng 13–15 tháng (nối từ thẻ trẻ em dưới 6 tuổi đến hết năm học): hướng dẫn thu BHYT học sinh của BHXH (QĐ 595/QĐ-BHXH và văn bản thay thế). UNCONFIRMED: số văn bản hiện hành chưa đối chiếu');
--> statement-breakpoint
INSERT INTO payment_periods (group_code, months, valid_from, valid_to, source) VALUES ('HS', 14, '2015-01-01', NULL, 'Học sinh lớp 12 đóng 9 tháng (đến hết năm học cuối), học sinh lớp 1 đóng 13–15 tháng (nối từ thẻ trẻ em dưới 6 tuổi đến hết năm học): hướng dẫn thu BHYT học sinh của BHXH (QĐ 595/QĐ-BHXH và văn bản thay thế). UNCONFIRMED: số văn bản hiện hành chưa đối chiếu');
--> statement-breakpoint
INSERT INTO payment_periods (group_code, months, valid_from, valid_to, source) VALUES ('HS', 15, '2015-01-01', NULL, 'Học sinh lớp 12 đóng 9 tháng (đến hết năm học cuối), học sinh lớp 1 đóng 13–15 tháng (nối từ thẻ trẻ em dưới 6 tuổi đến hết năm học): hướng dẫn thu BHYT học sinh của BHXH (QĐ 595/QĐ-BHXH và văn bản thay thế). UNCONFIRMED: số văn bản hiện hành chưa đối chiếu');
--> statement-breakpoint
DELETE FROM group_aliases WHERE search_key = 'hssv' AND province_code IS NULL;
--> statement-breakpoint
INSERT INTO group_aliases (group_code, alias, search_key, province_code) VALUES ('GD', 'hộ gđ', 'ho gd', NULL);
--> statement-breakpoint
INSERT INTO indicators (code, name_vi, name_en, denominator, sort_order) VALUES ('bhyt_renewal', 'Gia hạn thẻ BHYT (không tính vào bao phủ)', 'BHYT card renewals (not counted in coverage)', 'population', 5);
