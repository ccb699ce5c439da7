-- Reference data: indicators, participant groups, benefit levels, base salary. Sources in each row.
INSERT INTO indicators (code, name_vi, name_en, denominator, sort_order) VALUES ('bhyt', 'Bao phủ bảo hiểm y tế', 'Health insurance coverage', 'population', 1);
--> statement-breakpoint
INSERT INTO indicators (code, name_vi, name_en, denominator, sort_order) VALUES ('bhxh', 'Tham gia bảo hiểm xã hội', 'Social insurance participation', 'labour_force', 2);
--> statement-breakpoint
INSERT INTO indicators (code, name_vi, name_en, denominator, sort_order) VALUES ('bhxh_tn', 'Tham gia BHXH tự nguyện', 'Voluntary social insurance participation', 'labour_force', 3);
--> statement-breakpoint
INSERT INTO indicators (code, name_vi, name_en, denominator, sort_order) VALUES ('bhtn', 'Tham gia bảo hiểm thất nghiệp', 'Unemployment insurance participation', 'labour_force', 4);
--> statement-breakpoint
INSERT INTO participant_groups (code, kind, parent_code, name_vi, name_en, law_ref, sort_order, source) VALUES ('employer', 'funding', NULL, 'Nhóm do người lao động và người sử dụng lao động đóng', 'Paid by employer and employee', 'Đ12 k1', 1, 'Luật BHYT 51/2024/QH15, Điều 12');
--> statement-breakpoint
INSERT INTO participant_groups (code, kind, parent_code, name_vi, name_en, law_ref, sort_order, source) VALUES ('bhxh', 'funding', NULL, 'Nhóm do tổ chức BHXH đóng', 'Paid by the social insurance fund', 'Đ12 k2', 2, 'Luật BHYT 51/2024/QH15, Điều 12');
--> statement-breakpoint
INSERT INTO participant_groups (code, kind, parent_code, name_vi, name_en, law_ref, sort_order, source) VALUES ('state', 'funding', NULL, 'Nhóm do ngân sách nhà nước đóng', 'Paid by the state budget', 'Đ12 k3', 3, 'Luật BHYT 51/2024/QH15, Điều 12');
--> statement-breakpoint
INSERT INTO participant_groups (code, kind, parent_code, name_vi, name_en, law_ref, sort_order, source) VALUES ('state_supported', 'funding', NULL, 'Nhóm được ngân sách nhà nước hỗ trợ đóng', 'Partly paid by the state budget', 'Đ12 k4', 4, 'Luật BHYT 51/2024/QH15, Điều 12');
--> statement-breakpoint
INSERT INTO participant_groups (code, kind, parent_code, name_vi, name_en, law_ref, sort_order, source) VALUES ('household', 'funding', NULL, 'Nhóm tham gia theo hộ gia đình', 'Household scheme (self-paid)', 'Đ12 k5', 5, 'Luật BHYT 51/2024/QH15, Điều 12');
--> statement-breakpoint
INSERT INTO participant_groups (code, kind, parent_code, name_vi, name_en, sort_order, valid_from, source) VALUES ('DN', 'card', 'employer', 'Người lao động trong doanh nghiệp', 'Enterprise workers', 100, NULL, 'QĐ 1351/QĐ-BHXH (16/11/2015), phụ lục mã đối tượng');
--> statement-breakpoint
INSERT INTO participant_groups (code, kind, parent_code, name_vi, name_en, sort_order, valid_from, source) VALUES ('HX', 'card', 'employer', 'Người lao động trong hợp tác xã', 'Cooperative workers', 101, NULL, 'QĐ 1351/QĐ-BHXH (16/11/2015), phụ lục mã đối tượng');
--> statement-breakpoint
INSERT INTO participant_groups (code, kind, parent_code, name_vi, name_en, sort_order, valid_from, source) VALUES ('CH', 'card', 'employer', 'Người lao động trong cơ quan nhà nước, đơn vị sự nghiệp', 'State agency and public unit workers', 102, NULL, 'QĐ 1351/QĐ-BHXH (16/11/2015), phụ lục mã đối tượng');
--> statement-breakpoint
INSERT INTO participant_groups (code, kind, parent_code, name_vi, name_en, sort_order, valid_from, source) VALUES ('NN', 'card', 'employer', 'Người lao động trong tổ chức nước ngoài, quốc tế', 'Workers of foreign or international organisations', 103, NULL, 'QĐ 1351/QĐ-BHXH (16/11/2015), phụ lục mã đối tượng');
--> statement-breakpoint
INSERT INTO participant_groups (code, kind, parent_code, name_vi, name_en, sort_order, valid_from, source) VALUES ('TK', 'card', 'employer', 'Người lao động trong tổ chức khác', 'Workers of other organisations', 104, NULL, 'QĐ 1351/QĐ-BHXH (16/11/2015), phụ lục mã đối tượng');
--> statement-breakpoint
INSERT INTO participant_groups (code, kind, parent_code, name_vi, name_en, sort_order, valid_from, source) VALUES ('HC', 'card', 'employer', 'Cán bộ, công chức, viên chức', 'Cadres, civil servants, public employees', 105, NULL, 'QĐ 1351/QĐ-BHXH (16/11/2015), phụ lục mã đối tượng');
--> statement-breakpoint
INSERT INTO participant_groups (code, kind, parent_code, name_vi, name_en, sort_order, valid_from, source) VALUES ('XK', 'card', 'employer', 'Người hoạt động không chuyên trách ở cấp xã', 'Non-specialised commune workers', 106, NULL, 'QĐ 1351/QĐ-BHXH (16/11/2015), phụ lục mã đối tượng');
--> statement-breakpoint
INSERT INTO participant_groups (code, kind, parent_code, name_vi, name_en, sort_order, valid_from, source) VALUES ('HT', 'card', 'bhxh', 'Người hưởng lương hưu, trợ cấp mất sức lao động', 'Pensioners and incapacity allowance recipients', 107, NULL, 'QĐ 1351/QĐ-BHXH (16/11/2015), phụ lục mã đối tượng');
--> statement-breakpoint
INSERT INTO participant_groups (code, kind, parent_code, name_vi, name_en, sort_order, valid_from, source) VALUES ('TB', 'card', 'bhxh', 'Người hưởng trợ cấp tai nạn lao động, bệnh nghề nghiệp', 'Occupational accident or disease allowance', 108, NULL, 'QĐ 1351/QĐ-BHXH (16/11/2015), phụ lục mã đối tượng');
--> statement-breakpoint
INSERT INTO participant_groups (code, kind, parent_code, name_vi, name_en, sort_order, valid_from, source) VALUES ('NO', 'card', 'bhxh', 'Người nghỉ ốm dài ngày, nghỉ thai sản', 'Long-term sickness or maternity leave', 109, NULL, 'QĐ 1351/QĐ-BHXH (16/11/2015), phụ lục mã đối tượng');
--> statement-breakpoint
INSERT INTO participant_groups (code, kind, parent_code, name_vi, name_en, sort_order, valid_from, source) VALUES ('XB', 'card', 'bhxh', 'Cán bộ xã đã nghỉ việc hưởng trợ cấp BHXH', 'Retired commune cadres on BHXH allowance', 110, NULL, 'QĐ 1351/QĐ-BHXH (16/11/2015), phụ lục mã đối tượng');
--> statement-breakpoint
INSERT INTO participant_groups (code, kind, parent_code, name_vi, name_en, sort_order, valid_from, source) VALUES ('TN', 'card', 'bhxh', 'Người hưởng trợ cấp thất nghiệp', 'Unemployment benefit recipients', 111, NULL, 'QĐ 1351/QĐ-BHXH (16/11/2015), phụ lục mã đối tượng');
--> statement-breakpoint
INSERT INTO participant_groups (code, kind, parent_code, name_vi, name_en, sort_order, valid_from, source) VALUES ('CS', 'card', 'bhxh', 'Công nhân cao su nghỉ việc hưởng trợ cấp', 'Retired rubber workers on allowance', 112, NULL, 'QĐ 1351/QĐ-BHXH (16/11/2015), phụ lục mã đối tượng');
--> statement-breakpoint
INSERT INTO participant_groups (code, kind, parent_code, name_vi, name_en, sort_order, valid_from, source) VALUES ('CT', 'card', 'bhxh', 'Người từ đủ 75 tuổi hưởng trợ cấp tuất hằng tháng', 'Aged 75+ on monthly survivor allowance', 113, NULL, 'QĐ 1351/QĐ-BHXH (16/11/2015), phụ lục mã đối tượng');
--> statement-breakpoint
INSERT INTO participant_groups (code, kind, parent_code, name_vi, name_en, sort_order, valid_from, source) VALUES ('QN', 'card', 'state', 'Quân nhân', 'Military personnel', 114, NULL, 'QĐ 1351/QĐ-BHXH (16/11/2015), phụ lục mã đối tượng');
--> statement-breakpoint
INSERT INTO participant_groups (code, kind, parent_code, name_vi, name_en, sort_order, valid_from, source) VALUES ('CA', 'card', 'state', 'Công an nhân dân', 'Police', 115, NULL, 'QĐ 1351/QĐ-BHXH (16/11/2015), phụ lục mã đối tượng');
--> statement-breakpoint
INSERT INTO participant_groups (code, kind, parent_code, name_vi, name_en, sort_order, valid_from, source) VALUES ('CY', 'card', 'state', 'Người làm công tác cơ yếu', 'Cipher staff', 116, NULL, 'QĐ 1351/QĐ-BHXH (16/11/2015), phụ lục mã đối tượng');
--> statement-breakpoint
INSERT INTO participant_groups (code, kind, parent_code, name_vi, name_en, sort_order, valid_from, source) VALUES ('CC', 'card', 'state', 'Người có công với cách mạng (nhóm 1)', 'Revolutionary contributors (group 1)', 117, NULL, 'QĐ 1351/QĐ-BHXH (16/11/2015), phụ lục mã đối tượng');
--> statement-breakpoint
INSERT INTO participant_groups (code, kind, parent_code, name_vi, name_en, sort_order, valid_from, source) VALUES ('TE', 'card', 'state', 'Trẻ em dưới 6 tuổi', 'Children under 6', 118, NULL, 'QĐ 1351/QĐ-BHXH (16/11/2015), phụ lục mã đối tượng');
--> statement-breakpoint
INSERT INTO participant_groups (code, kind, parent_code, name_vi, name_en, sort_order, valid_from, source) VALUES ('CK', 'card', 'state', 'Người có công với cách mạng khác', 'Other revolutionary contributors', 119, NULL, 'QĐ 1351/QĐ-BHXH (16/11/2015), phụ lục mã đối tượng');
--> statement-breakpoint
INSERT INTO participant_groups (code, kind, parent_code, name_vi, name_en, sort_order, valid_from, source) VALUES ('CB', 'card', 'state', 'Cựu chiến binh', 'Veterans', 120, NULL, 'QĐ 1351/QĐ-BHXH (16/11/2015), phụ lục mã đối tượng');
--> statement-breakpoint
INSERT INTO participant_groups (code, kind, parent_code, name_vi, name_en, sort_order, valid_from, source) VALUES ('KC', 'card', 'state', 'Người tham gia kháng chiến', 'Resistance participants', 121, NULL, 'QĐ 1351/QĐ-BHXH (16/11/2015), phụ lục mã đối tượng');
--> statement-breakpoint
INSERT INTO participant_groups (code, kind, parent_code, name_vi, name_en, sort_order, valid_from, source) VALUES ('HN', 'card', 'state', 'Người thuộc hộ gia đình nghèo', 'Poor households', 122, NULL, 'QĐ 1351/QĐ-BHXH (16/11/2015), phụ lục mã đối tượng');
--> statement-breakpoint
INSERT INTO participant_groups (code, kind, parent_code, name_vi, name_en, sort_order, valid_from, source) VALUES ('DT', 'card', 'state', 'Người dân tộc thiểu số vùng khó khăn', 'Ethnic minorities in difficult areas', 123, NULL, 'QĐ 1351/QĐ-BHXH (16/11/2015), phụ lục mã đối tượng');
--> statement-breakpoint
INSERT INTO participant_groups (code, kind, parent_code, name_vi, name_en, sort_order, valid_from, source) VALUES ('DK', 'card', 'state', 'Người sống ở vùng đặc biệt khó khăn', 'People in especially difficult areas', 124, NULL, 'QĐ 1351/QĐ-BHXH (16/11/2015), phụ lục mã đối tượng');
--> statement-breakpoint
INSERT INTO participant_groups (code, kind, parent_code, name_vi, name_en, sort_order, valid_from, source) VALUES ('XD', 'card', 'state', 'Người sống ở xã đảo, huyện đảo', 'Island communes and districts', 125, NULL, 'QĐ 1351/QĐ-BHXH (16/11/2015), phụ lục mã đối tượng');
--> statement-breakpoint
INSERT INTO participant_groups (code, kind, parent_code, name_vi, name_en, sort_order, valid_from, source) VALUES ('BT', 'card', 'state', 'Người hưởng trợ cấp bảo trợ xã hội hằng tháng', 'Monthly social assistance recipients', 126, NULL, 'QĐ 1351/QĐ-BHXH (16/11/2015), phụ lục mã đối tượng');
--> statement-breakpoint
INSERT INTO participant_groups (code, kind, parent_code, name_vi, name_en, sort_order, valid_from, source) VALUES ('TS', 'card', 'state', 'Thân nhân liệt sĩ', 'Martyrs'' relatives', 127, NULL, 'QĐ 1351/QĐ-BHXH (16/11/2015), phụ lục mã đối tượng');
--> statement-breakpoint
INSERT INTO participant_groups (code, kind, parent_code, name_vi, name_en, sort_order, valid_from, source) VALUES ('AK', 'card', 'state', 'Người dân xã an toàn khu', 'Residents of revolutionary safe-zone communes', 128, '2025-07-01', 'QĐ 1351/QĐ-BHXH (16/11/2015), phụ lục mã đối tượng; NĐ 188/2025/NĐ-CP');
--> statement-breakpoint
INSERT INTO participant_groups (code, kind, parent_code, name_vi, name_en, sort_order, valid_from, source) VALUES ('TC', 'card', 'state', 'Thân nhân người có công', 'Relatives of revolutionary contributors', 129, NULL, 'QĐ 1351/QĐ-BHXH (16/11/2015), phụ lục mã đối tượng');
--> statement-breakpoint
INSERT INTO participant_groups (code, kind, parent_code, name_vi, name_en, sort_order, valid_from, source) VALUES ('PV', 'card', 'state', 'Người phục vụ người có công', 'Carers of revolutionary contributors', 130, NULL, 'QĐ 1351/QĐ-BHXH (16/11/2015), phụ lục mã đối tượng');
--> statement-breakpoint
INSERT INTO participant_groups (code, kind, parent_code, name_vi, name_en, sort_order, valid_from, source) VALUES ('XN', 'card', 'state', 'Cán bộ xã nghỉ việc hưởng trợ cấp từ ngân sách', 'Retired commune cadres paid from the budget', 131, NULL, 'QĐ 1351/QĐ-BHXH (16/11/2015), phụ lục mã đối tượng');
--> statement-breakpoint
INSERT INTO participant_groups (code, kind, parent_code, name_vi, name_en, sort_order, valid_from, source) VALUES ('MS', 'card', 'state', 'Người đã thôi hưởng trợ cấp mất sức lao động', 'Former incapacity-allowance recipients', 132, NULL, 'QĐ 1351/QĐ-BHXH (16/11/2015), phụ lục mã đối tượng');
--> statement-breakpoint
INSERT INTO participant_groups (code, kind, parent_code, name_vi, name_en, sort_order, valid_from, source) VALUES ('HD', 'card', 'state', 'Đại biểu Quốc hội, Hội đồng nhân dân', 'National Assembly and People''s Council deputies', 133, NULL, 'QĐ 1351/QĐ-BHXH (16/11/2015), phụ lục mã đối tượng');
--> statement-breakpoint
INSERT INTO participant_groups (code, kind, parent_code, name_vi, name_en, sort_order, valid_from, source) VALUES ('TQ', 'card', 'state', 'Thân nhân quân nhân', 'Relatives of military personnel', 134, NULL, 'QĐ 1351/QĐ-BHXH (16/11/2015), phụ lục mã đối tượng');
--> statement-breakpoint
INSERT INTO participant_groups (code, kind, parent_code, name_vi, name_en, sort_order, valid_from, source) VALUES ('TA', 'card', 'state', 'Thân nhân công an', 'Relatives of police', 135, NULL, 'QĐ 1351/QĐ-BHXH (16/11/2015), phụ lục mã đối tượng');
--> statement-breakpoint
INSERT INTO participant_groups (code, kind, parent_code, name_vi, name_en, sort_order, valid_from, source) VALUES ('TY', 'card', 'state', 'Thân nhân người làm công tác cơ yếu', 'Relatives of cipher staff', 136, NULL, 'QĐ 1351/QĐ-BHXH (16/11/2015), phụ lục mã đối tượng');
--> statement-breakpoint
INSERT INTO participant_groups (code, kind, parent_code, name_vi, name_en, sort_order, valid_from, source) VALUES ('TV', 'card', 'state', 'Thân nhân người lao động quốc phòng', 'Relatives of defence workers', 137, NULL, 'QĐ 1351/QĐ-BHXH (16/11/2015), phụ lục mã đối tượng');
--> statement-breakpoint
INSERT INTO participant_groups (code, kind, parent_code, name_vi, name_en, sort_order, valid_from, source) VALUES ('HG', 'card', 'state', 'Người hiến bộ phận cơ thể', 'Organ donors', 138, NULL, 'QĐ 1351/QĐ-BHXH (16/11/2015), phụ lục mã đối tượng');
--> statement-breakpoint
INSERT INTO participant_groups (code, kind, parent_code, name_vi, name_en, sort_order, valid_from, source) VALUES ('LS', 'card', 'state', 'Lưu học sinh nước ngoài học bổng', 'Foreign scholarship students', 139, NULL, 'QĐ 1351/QĐ-BHXH (16/11/2015), phụ lục mã đối tượng');
--> statement-breakpoint
INSERT INTO participant_groups (code, kind, parent_code, name_vi, name_en, sort_order, valid_from, source) VALUES ('LH', 'card', 'state', 'Người từ đủ 75 tuổi hưởng trợ cấp hưu trí xã hội', 'Aged 75+ on the social pension', 140, '2025-07-01', 'QĐ 1351/QĐ-BHXH (16/11/2015), phụ lục mã đối tượng; NĐ 188/2025/NĐ-CP');
--> statement-breakpoint
INSERT INTO participant_groups (code, kind, parent_code, name_vi, name_en, sort_order, valid_from, source) VALUES ('CN', 'card', 'state_supported', 'Người thuộc hộ gia đình cận nghèo', 'Near-poor households', 141, NULL, 'QĐ 1351/QĐ-BHXH (16/11/2015), phụ lục mã đối tượng');
--> statement-breakpoint
INSERT INTO participant_groups (code, kind, parent_code, name_vi, name_en, sort_order, valid_from, source) VALUES ('HS', 'card', 'state_supported', 'Học sinh', 'Pupils', 142, NULL, 'QĐ 1351/QĐ-BHXH (16/11/2015), phụ lục mã đối tượng');
--> statement-breakpoint
INSERT INTO participant_groups (code, kind, parent_code, name_vi, name_en, sort_order, valid_from, source) VALUES ('SV', 'card', 'state_supported', 'Sinh viên', 'Students', 143, NULL, 'QĐ 1351/QĐ-BHXH (16/11/2015), phụ lục mã đối tượng');
--> statement-breakpoint
INSERT INTO participant_groups (code, kind, parent_code, name_vi, name_en, sort_order, valid_from, source) VALUES ('GB', 'card', 'state_supported', 'Hộ nông, lâm, ngư, diêm nghiệp có mức sống trung bình', 'Farm, forestry, fishery and salt households of average living standard', 144, NULL, 'QĐ 1351/QĐ-BHXH (16/11/2015), phụ lục mã đối tượng');
--> statement-breakpoint
INSERT INTO participant_groups (code, kind, parent_code, name_vi, name_en, sort_order, valid_from, source) VALUES ('GD', 'card', 'household', 'Người tham gia theo hộ gia đình', 'Household scheme members', 145, NULL, 'QĐ 1351/QĐ-BHXH (16/11/2015), phụ lục mã đối tượng');
--> statement-breakpoint
INSERT INTO group_benefit_levels (group_code, valid_from, valid_to, level, source) VALUES ('DN', '2016-01-01', NULL, 4, 'QĐ 1351/QĐ-BHXH; bảng mức hưởng trong phần mềm KCB (QĐ 1018/QĐ-BHXH, chưa đối chiếu văn bản gốc)');
--> statement-breakpoint
INSERT INTO group_benefit_levels (group_code, valid_from, valid_to, level, source) VALUES ('HX', '2016-01-01', NULL, 4, 'QĐ 1351/QĐ-BHXH; bảng mức hưởng trong phần mềm KCB (QĐ 1018/QĐ-BHXH, chưa đối chiếu văn bản gốc)');
--> statement-breakpoint
INSERT INTO group_benefit_levels (group_code, valid_from, valid_to, level, source) VALUES ('CH', '2016-01-01', NULL, 4, 'QĐ 1351/QĐ-BHXH; bảng mức hưởng trong phần mềm KCB (QĐ 1018/QĐ-BHXH, chưa đối chiếu văn bản gốc)');
--> statement-breakpoint
INSERT INTO group_benefit_levels (group_code, valid_from, valid_to, level, source) VALUES ('NN', '2016-01-01', NULL, 4, 'QĐ 1351/QĐ-BHXH; bảng mức hưởng trong phần mềm KCB (QĐ 1018/QĐ-BHXH, chưa đối chiếu văn bản gốc)');
--> statement-breakpoint
INSERT INTO group_benefit_levels (group_code, valid_from, valid_to, level, source) VALUES ('TK', '2016-01-01', NULL, 4, 'QĐ 1351/QĐ-BHXH; bảng mức hưởng trong phần mềm KCB (QĐ 1018/QĐ-BHXH, chưa đối chiếu văn bản gốc)');
--> statement-breakpoint
INSERT INTO group_benefit_levels (group_code, valid_from, valid_to, level, source) VALUES ('HC', '2016-01-01', NULL, 4, 'QĐ 1351/QĐ-BHXH; bảng mức hưởng trong phần mềm KCB (QĐ 1018/QĐ-BHXH, chưa đối chiếu văn bản gốc)');
--> statement-breakpoint
INSERT INTO group_benefit_levels (group_code, valid_from, valid_to, level, source) VALUES ('XK', '2016-01-01', NULL, 4, 'QĐ 1351/QĐ-BHXH; bảng mức hưởng trong phần mềm KCB (QĐ 1018/QĐ-BHXH, chưa đối chiếu văn bản gốc)');
--> statement-breakpoint
INSERT INTO group_benefit_levels (group_code, valid_from, valid_to, level, source) VALUES ('HT', '2016-01-01', NULL, 3, 'QĐ 1351/QĐ-BHXH; bảng mức hưởng trong phần mềm KCB (QĐ 1018/QĐ-BHXH, chưa đối chiếu văn bản gốc)');
--> statement-breakpoint
INSERT INTO group_benefit_levels (group_code, valid_from, valid_to, level, source) VALUES ('TB', '2016-01-01', NULL, 4, 'QĐ 1351/QĐ-BHXH; bảng mức hưởng trong phần mềm KCB (QĐ 1018/QĐ-BHXH, chưa đối chiếu văn bản gốc)');
--> statement-breakpoint
INSERT INTO group_benefit_levels (group_code, valid_from, valid_to, level, source) VALUES ('NO', '2016-01-01', NULL, 4, 'QĐ 1351/QĐ-BHXH; bảng mức hưởng trong phần mềm KCB (QĐ 1018/QĐ-BHXH, chưa đối chiếu văn bản gốc)');
--> statement-breakpoint
INSERT INTO group_benefit_levels (group_code, valid_from, valid_to, level, source) VALUES ('XB', '2016-01-01', NULL, 4, 'QĐ 1351/QĐ-BHXH; bảng mức hưởng trong phần mềm KCB (QĐ 1018/QĐ-BHXH, chưa đối chiếu văn bản gốc)');
--> statement-breakpoint
INSERT INTO group_benefit_levels (group_code, valid_from, valid_to, level, source) VALUES ('TN', '2016-01-01', NULL, 4, 'QĐ 1351/QĐ-BHXH; bảng mức hưởng trong phần mềm KCB (QĐ 1018/QĐ-BHXH, chưa đối chiếu văn bản gốc)');
--> statement-breakpoint
INSERT INTO group_benefit_levels (group_code, valid_from, valid_to, level, source) VALUES ('CS', '2016-01-01', NULL, 4, 'QĐ 1351/QĐ-BHXH; bảng mức hưởng trong phần mềm KCB (QĐ 1018/QĐ-BHXH, chưa đối chiếu văn bản gốc)');
--> statement-breakpoint
INSERT INTO group_benefit_levels (group_code, valid_from, valid_to, level, source) VALUES ('CT', '2016-01-01', NULL, 2, 'QĐ 1351/QĐ-BHXH; bảng mức hưởng trong phần mềm KCB (QĐ 1018/QĐ-BHXH, chưa đối chiếu văn bản gốc)');
--> statement-breakpoint
INSERT INTO group_benefit_levels (group_code, valid_from, valid_to, level, source) VALUES ('QN', '2016-01-01', NULL, 5, 'QĐ 1351/QĐ-BHXH; bảng mức hưởng trong phần mềm KCB (QĐ 1018/QĐ-BHXH, chưa đối chiếu văn bản gốc)');
--> statement-breakpoint
INSERT INTO group_benefit_levels (group_code, valid_from, valid_to, level, source) VALUES ('CA', '2016-01-01', NULL, 5, 'QĐ 1351/QĐ-BHXH; bảng mức hưởng trong phần mềm KCB (QĐ 1018/QĐ-BHXH, chưa đối chiếu văn bản gốc)');
--> statement-breakpoint
INSERT INTO group_benefit_levels (group_code, valid_from, valid_to, level, source) VALUES ('CY', '2016-01-01', NULL, 5, 'QĐ 1351/QĐ-BHXH; bảng mức hưởng trong phần mềm KCB (QĐ 1018/QĐ-BHXH, chưa đối chiếu văn bản gốc)');
--> statement-breakpoint
INSERT INTO group_benefit_levels (group_code, valid_from, valid_to, level, source) VALUES ('CC', '2016-01-01', NULL, 1, 'QĐ 1351/QĐ-BHXH; bảng mức hưởng trong phần mềm KCB (QĐ 1018/QĐ-BHXH, chưa đối chiếu văn bản gốc)');
--> statement-breakpoint
INSERT INTO group_benefit_levels (group_code, valid_from, valid_to, level, source) VALUES ('TE', '2016-01-01', NULL, 1, 'QĐ 1351/QĐ-BHXH; bảng mức hưởng trong phần mềm KCB (QĐ 1018/QĐ-BHXH, chưa đối chiếu văn bản gốc)');
--> statement-breakpoint
INSERT INTO group_benefit_levels (group_code, valid_from, valid_to, level, source) VALUES ('CK', '2016-01-01', NULL, 2, 'QĐ 1351/QĐ-BHXH; bảng mức hưởng trong phần mềm KCB (QĐ 1018/QĐ-BHXH, chưa đối chiếu văn bản gốc)');
--> statement-breakpoint
INSERT INTO group_benefit_levels (group_code, valid_from, valid_to, level, source) VALUES ('CB', '2016-01-01', NULL, 2, 'QĐ 1351/QĐ-BHXH; bảng mức hưởng trong phần mềm KCB (QĐ 1018/QĐ-BHXH, chưa đối chiếu văn bản gốc)');
--> statement-breakpoint
INSERT INTO group_benefit_levels (group_code, valid_from, valid_to, level, source) VALUES ('KC', '2016-01-01', NULL, 2, 'QĐ 1351/QĐ-BHXH; bảng mức hưởng trong phần mềm KCB (QĐ 1018/QĐ-BHXH, chưa đối chiếu văn bản gốc)');
--> statement-breakpoint
INSERT INTO group_benefit_levels (group_code, valid_from, valid_to, level, source) VALUES ('HN', '2016-01-01', NULL, 2, 'QĐ 1351/QĐ-BHXH; bảng mức hưởng trong phần mềm KCB (QĐ 1018/QĐ-BHXH, chưa đối chiếu văn bản gốc)');
--> statement-breakpoint
INSERT INTO group_benefit_levels (group_code, valid_from, valid_to, level, source) VALUES ('DT', '2016-01-01', NULL, 2, 'QĐ 1351/QĐ-BHXH; bảng mức hưởng trong phần mềm KCB (QĐ 1018/QĐ-BHXH, chưa đối chiếu văn bản gốc)');
--> statement-breakpoint
INSERT INTO group_benefit_levels (group_code, valid_from, valid_to, level, source) VALUES ('DK', '2016-01-01', NULL, 2, 'QĐ 1351/QĐ-BHXH; bảng mức hưởng trong phần mềm KCB (QĐ 1018/QĐ-BHXH, chưa đối chiếu văn bản gốc)');
--> statement-breakpoint
INSERT INTO group_benefit_levels (group_code, valid_from, valid_to, level, source) VALUES ('XD', '2016-01-01', NULL, 2, 'QĐ 1351/QĐ-BHXH; bảng mức hưởng trong phần mềm KCB (QĐ 1018/QĐ-BHXH, chưa đối chiếu văn bản gốc)');
--> statement-breakpoint
INSERT INTO group_benefit_levels (group_code, valid_from, valid_to, level, source) VALUES ('BT', '2016-01-01', NULL, 2, 'QĐ 1351/QĐ-BHXH; bảng mức hưởng trong phần mềm KCB (QĐ 1018/QĐ-BHXH, chưa đối chiếu văn bản gốc)');
--> statement-breakpoint
INSERT INTO group_benefit_levels (group_code, valid_from, valid_to, level, source) VALUES ('TS', '2016-01-01', NULL, 2, 'QĐ 1351/QĐ-BHXH; bảng mức hưởng trong phần mềm KCB (QĐ 1018/QĐ-BHXH, chưa đối chiếu văn bản gốc)');
--> statement-breakpoint
INSERT INTO group_benefit_levels (group_code, valid_from, valid_to, level, source) VALUES ('AK', '2025-07-01', NULL, 2, 'QĐ 1351/QĐ-BHXH; bảng mức hưởng trong phần mềm KCB (QĐ 1018/QĐ-BHXH, chưa đối chiếu văn bản gốc)');
--> statement-breakpoint
INSERT INTO group_benefit_levels (group_code, valid_from, valid_to, level, source) VALUES ('TC', '2016-01-01', NULL, 3, 'QĐ 1351/QĐ-BHXH; bảng mức hưởng trong phần mềm KCB (QĐ 1018/QĐ-BHXH, chưa đối chiếu văn bản gốc)');
--> statement-breakpoint
INSERT INTO group_benefit_levels (group_code, valid_from, valid_to, level, source) VALUES ('PV', '2016-01-01', NULL, 3, 'QĐ 1351/QĐ-BHXH; bảng mức hưởng trong phần mềm KCB (QĐ 1018/QĐ-BHXH, chưa đối chiếu văn bản gốc); UNCONFIRMED: một công cụ khác ghi mức 4');
--> statement-breakpoint
INSERT INTO group_benefit_levels (group_code, valid_from, valid_to, level, source) VALUES ('XN', '2016-01-01', NULL, 4, 'QĐ 1351/QĐ-BHXH; bảng mức hưởng trong phần mềm KCB (QĐ 1018/QĐ-BHXH, chưa đối chiếu văn bản gốc)');
--> statement-breakpoint
INSERT INTO group_benefit_levels (group_code, valid_from, valid_to, level, source) VALUES ('MS', '2016-01-01', NULL, 4, 'QĐ 1351/QĐ-BHXH; bảng mức hưởng trong phần mềm KCB (QĐ 1018/QĐ-BHXH, chưa đối chiếu văn bản gốc)');
--> statement-breakpoint
INSERT INTO group_benefit_levels (group_code, valid_from, valid_to, level, source) VALUES ('HD', '2016-01-01', NULL, 4, 'QĐ 1351/QĐ-BHXH; bảng mức hưởng trong phần mềm KCB (QĐ 1018/QĐ-BHXH, chưa đối chiếu văn bản gốc)');
--> statement-breakpoint
INSERT INTO group_benefit_levels (group_code, valid_from, valid_to, level, source) VALUES ('TQ', '2016-01-01', NULL, 4, 'QĐ 1351/QĐ-BHXH; bảng mức hưởng trong phần mềm KCB (QĐ 1018/QĐ-BHXH, chưa đối chiếu văn bản gốc)');
--> statement-breakpoint
INSERT INTO group_benefit_levels (group_code, valid_from, valid_to, level, source) VALUES ('TA', '2016-01-01', NULL, 4, 'QĐ 1351/QĐ-BHXH; bảng mức hưởng trong phần mềm KCB (QĐ 1018/QĐ-BHXH, chưa đối chiếu văn bản gốc)');
--> statement-breakpoint
INSERT INTO group_benefit_levels (group_code, valid_from, valid_to, level, source) VALUES ('TY', '2016-01-01', NULL, 4, 'QĐ 1351/QĐ-BHXH; bảng mức hưởng trong phần mềm KCB (QĐ 1018/QĐ-BHXH, chưa đối chiếu văn bản gốc)');
--> statement-breakpoint
INSERT INTO group_benefit_levels (group_code, valid_from, valid_to, level, source) VALUES ('TV', '2016-01-01', NULL, 4, 'QĐ 1351/QĐ-BHXH; bảng mức hưởng trong phần mềm KCB (QĐ 1018/QĐ-BHXH, chưa đối chiếu văn bản gốc)');
--> statement-breakpoint
INSERT INTO group_benefit_levels (group_code, valid_from, valid_to, level, source) VALUES ('HG', '2016-01-01', NULL, 4, 'QĐ 1351/QĐ-BHXH; bảng mức hưởng trong phần mềm KCB (QĐ 1018/QĐ-BHXH, chưa đối chiếu văn bản gốc)');
--> statement-breakpoint
INSERT INTO group_benefit_levels (group_code, valid_from, valid_to, level, source) VALUES ('LS', '2016-01-01', NULL, 4, 'QĐ 1351/QĐ-BHXH; bảng mức hưởng trong phần mềm KCB (QĐ 1018/QĐ-BHXH, chưa đối chiếu văn bản gốc)');
--> statement-breakpoint
INSERT INTO group_benefit_levels (group_code, valid_from, valid_to, level, source) VALUES ('LH', '2025-07-01', '2025-12-31', 4, 'QĐ 1351/QĐ-BHXH; bảng mức hưởng trong phần mềm KCB (QĐ 1018/QĐ-BHXH, chưa đối chiếu văn bản gốc)');
--> statement-breakpoint
INSERT INTO group_benefit_levels (group_code, valid_from, valid_to, level, source) VALUES ('LH', '2026-01-01', NULL, 2, 'NQ 261/2025/QH15 Đ2 k1 a; CV 38/BYT-BH (6/1/2026)');
--> statement-breakpoint
INSERT INTO group_benefit_levels (group_code, valid_from, valid_to, level, source) VALUES ('CN', '2016-01-01', '2025-12-31', 3, 'QĐ 1351/QĐ-BHXH; bảng mức hưởng trong phần mềm KCB (QĐ 1018/QĐ-BHXH, chưa đối chiếu văn bản gốc)');
--> statement-breakpoint
INSERT INTO group_benefit_levels (group_code, valid_from, valid_to, level, source) VALUES ('CN', '2026-01-01', NULL, 2, 'NQ 261/2025/QH15 Đ2 k1 a; CV 38/BYT-BH (6/1/2026)');
--> statement-breakpoint
INSERT INTO group_benefit_levels (group_code, valid_from, valid_to, level, source) VALUES ('HS', '2016-01-01', NULL, 4, 'QĐ 1351/QĐ-BHXH; bảng mức hưởng trong phần mềm KCB (QĐ 1018/QĐ-BHXH, chưa đối chiếu văn bản gốc)');
--> statement-breakpoint
INSERT INTO group_benefit_levels (group_code, valid_from, valid_to, level, source) VALUES ('SV', '2016-01-01', NULL, 4, 'QĐ 1351/QĐ-BHXH; bảng mức hưởng trong phần mềm KCB (QĐ 1018/QĐ-BHXH, chưa đối chiếu văn bản gốc)');
--> statement-breakpoint
INSERT INTO group_benefit_levels (group_code, valid_from, valid_to, level, source) VALUES ('GB', '2016-01-01', NULL, 4, 'QĐ 1351/QĐ-BHXH; bảng mức hưởng trong phần mềm KCB (QĐ 1018/QĐ-BHXH, chưa đối chiếu văn bản gốc)');
--> statement-breakpoint
INSERT INTO group_benefit_levels (group_code, valid_from, valid_to, level, source) VALUES ('GD', '2016-01-01', NULL, 4, 'QĐ 1351/QĐ-BHXH; bảng mức hưởng trong phần mềm KCB (QĐ 1018/QĐ-BHXH, chưa đối chiếu văn bản gốc)');
--> statement-breakpoint
INSERT INTO group_aliases (group_code, alias, search_key, province_code) VALUES ('GD', 'hộ gia đình', 'ho gia dinh', NULL);
--> statement-breakpoint
INSERT INTO group_aliases (group_code, alias, search_key, province_code) VALUES ('GD', 'HGĐ', 'hgd', NULL);
--> statement-breakpoint
INSERT INTO group_aliases (group_code, alias, search_key, province_code) VALUES ('GD', 'BHYT hộ gia đình', 'bhyt ho gia dinh', NULL);
--> statement-breakpoint
INSERT INTO group_aliases (group_code, alias, search_key, province_code) VALUES ('HS', 'học sinh', 'hoc sinh', NULL);
--> statement-breakpoint
INSERT INTO group_aliases (group_code, alias, search_key, province_code) VALUES ('SV', 'sinh viên', 'sinh vien', NULL);
--> statement-breakpoint
INSERT INTO group_aliases (group_code, alias, search_key, province_code) VALUES ('SV', 'HSSV', 'hssv', NULL);
--> statement-breakpoint
INSERT INTO group_aliases (group_code, alias, search_key, province_code) VALUES ('TE', 'trẻ em', 'tre em', NULL);
--> statement-breakpoint
INSERT INTO group_aliases (group_code, alias, search_key, province_code) VALUES ('TE', 'trẻ dưới 6 tuổi', 'tre duoi 6 tuoi', NULL);
--> statement-breakpoint
INSERT INTO group_aliases (group_code, alias, search_key, province_code) VALUES ('TE', 'trẻ em dưới 6 tuổi', 'tre em duoi 6 tuoi', NULL);
--> statement-breakpoint
INSERT INTO group_aliases (group_code, alias, search_key, province_code) VALUES ('CN', 'cận nghèo', 'can ngheo', NULL);
--> statement-breakpoint
INSERT INTO group_aliases (group_code, alias, search_key, province_code) VALUES ('CN', 'hộ cận nghèo', 'ho can ngheo', NULL);
--> statement-breakpoint
INSERT INTO group_aliases (group_code, alias, search_key, province_code) VALUES ('HN', 'hộ nghèo', 'ho ngheo', NULL);
--> statement-breakpoint
INSERT INTO group_aliases (group_code, alias, search_key, province_code) VALUES ('HN', 'người nghèo', 'nguoi ngheo', NULL);
--> statement-breakpoint
INSERT INTO group_aliases (group_code, alias, search_key, province_code) VALUES ('DT', 'dân tộc thiểu số', 'dan toc thieu so', NULL);
--> statement-breakpoint
INSERT INTO group_aliases (group_code, alias, search_key, province_code) VALUES ('DT', 'DTTS', 'dtts', NULL);
--> statement-breakpoint
INSERT INTO group_aliases (group_code, alias, search_key, province_code) VALUES ('GB', 'hộ nông lâm ngư diêm nghiệp có mức sống trung bình', 'ho nong lam ngu diem nghiep co muc song trung binh', NULL);
--> statement-breakpoint
INSERT INTO group_aliases (group_code, alias, search_key, province_code) VALUES ('GB', 'nông lâm ngư nghiệp', 'nong lam ngu nghiep', NULL);
--> statement-breakpoint
INSERT INTO group_aliases (group_code, alias, search_key, province_code) VALUES ('GB', 'mức sống trung bình', 'muc song trung binh', NULL);
--> statement-breakpoint
INSERT INTO group_aliases (group_code, alias, search_key, province_code) VALUES ('HT', 'hưu trí', 'huu tri', NULL);
--> statement-breakpoint
INSERT INTO group_aliases (group_code, alias, search_key, province_code) VALUES ('BT', 'bảo trợ xã hội', 'bao tro xa hoi', NULL);
--> statement-breakpoint
INSERT INTO base_salaries (valid_from, amount, instrument, source) VALUES ('2019-07-01', 1490000, 'NĐ 38/2019/NĐ-CP', 'domain.md §3.2 [NEWS]');
--> statement-breakpoint
INSERT INTO base_salaries (valid_from, amount, instrument, source) VALUES ('2023-07-01', 1800000, 'NĐ 24/2023/NĐ-CP', 'domain.md §3.2 [NEWS]');
--> statement-breakpoint
INSERT INTO base_salaries (valid_from, amount, instrument, source) VALUES ('2024-07-01', 2340000, 'NĐ 73/2024/NĐ-CP', 'domain.md §3.2 [SEC]');
--> statement-breakpoint
INSERT INTO base_salaries (valid_from, amount, instrument, source) VALUES ('2026-07-01', 2530000, 'NĐ 161/2026/NĐ-CP (15/5/2026)', 'domain.md §3.2 [CODE, PROBABLE: verify against the decree]');
