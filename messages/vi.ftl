## Chung
app-name = Trợ lý BHYT toàn dân
error-internal = Đã có lỗi hệ thống. Vui lòng thử lại sau.
error-bad-request = Yêu cầu không hợp lệ: { $detail }

## Đơn vị hành chính
unit-not-found = Không tìm thấy đơn vị "{ $query }".
unit-ambiguous = "{ $query }" khớp với nhiều đơn vị: { $candidates }. Hãy dùng mã đơn vị.
unit-level-province = Tỉnh/thành phố
unit-level-district = Huyện (cũ)
unit-level-commune = Xã/phường
unit-level-village = Thôn/tổ dân phố

## Chỉ tiêu
targets-none = { $unit } chưa có chỉ tiêu năm { $year }.
targets-heading = Chỉ tiêu năm { $year } của { $unit }
target-line = { $name }: { $target } / { $population } người ({ $rate } %)
target-line-rate-only = { $name }: { $rate } %
target-deadline = hạn { $deadline }

## Nhập dữ liệu
import-file-not-found = Không tìm thấy tệp { $file }.
import-file-unsupported = Không đọc được tệp { $file }: chỉ nhận CSV hoặc XLSX.
import-file-unreadable = Không đọc được tệp { $file }: { $detail }
import-missing-columns = Thiếu cột bắt buộc: { $columns }.
import-empty = Tệp không có dòng dữ liệu nào.
import-failed = Không nhập được: { $count } dòng có lỗi. Chưa có dữ liệu nào được ghi.
import-done = Đã nhập { $rows } dòng ({ $inserted } mới, { $updated } cập nhật).
import-row-error = Dòng { $row }: { $message }
import-warning = Cảnh báo dòng { $row }: { $message }
import-more-errors = … và { $count } lỗi khác.
row-required = thiếu { $column }
row-bad-level = cấp "{ $value }" không hợp lệ (tỉnh, huyện, xã, thôn)
row-bad-code = mã "{ $value }" không hợp lệ
row-bad-integer = { $column } "{ $value }" phải là số nguyên không âm
row-bad-rate = { $column } "{ $value }" phải là tỷ lệ từ 0 đến 100
row-bad-year = năm "{ $value }" không hợp lệ
row-bad-date = ngày "{ $value }" không hợp lệ (dd/mm/yyyy hoặc yyyy-mm-dd)
row-duplicate = trùng với dòng { $other }
row-unknown-parent = không có đơn vị cấp trên mã "{ $value }"
row-parent-level = đơn vị cấp trên "{ $value }" phải ở cấp cao hơn
row-unknown-replacement = không có đơn vị thay thế mã "{ $value }"
row-unknown-unit = không có đơn vị mã "{ $value }"
row-unknown-group = không có nhóm đối tượng "{ $value }"
row-unknown-indicator = không có chỉ số "{ $value }"
row-target-missing = cần target_count hoặc target_rate
row-target-above-population = chỉ tiêu { $target } lớn hơn dân số { $population }
warn-rate-mismatch = tỷ lệ in { $printed } % khác với { $count }/{ $population } = { $computed } %
warn-zero-population = dân số bằng 0

## Dữ liệu mẫu
demo-seeded = Đã nạp dữ liệu mẫu: { $units } đơn vị, { $targets } chỉ tiêu, { $people } người trong danh sách thẻ (giả lập).
demo-already = Cơ sở dữ liệu đã có dữ liệu; không nạp lại dữ liệu mẫu.

## Dòng lệnh
cli-usage = Cách dùng: bhyt <lệnh> [tuỳ chọn] — chạy "bhyt help" để xem các lệnh.
cli-unknown-command = Không có lệnh "{ $command }".
cli-bad-option = Tuỳ chọn không hợp lệ: { $detail }
cli-migrated = Cơ sở dữ liệu { $path } đã được cập nhật cấu trúc.
cli-missing-argument = Thiếu { $name }.
cli-help-db-migrate = Tạo hoặc cập nhật cấu trúc cơ sở dữ liệu (DATABASE_PATH).
cli-help-db-seed-demo = Nạp dữ liệu mẫu từ các kế hoạch (Lai Châu, Ngọc Phụng, Đức Cơ, Kon Rẫy) và danh sách thẻ giả lập.
cli-help-import-units = Nhập đơn vị hành chính từ CSV/XLSX: code,name,level,parent_code (hoặc Mã,Tên,Cấp,Mã cấp trên).
cli-help-import-targets = Nhập chỉ tiêu từ CSV/XLSX: unit_code,year,population,target_count (+ target_rate, group_code, indicator, deadline).
cli-help-units-list = Liệt kê đơn vị hành chính theo cây.
cli-help-targets-show = Xem chỉ tiêu của một đơn vị và các đơn vị trực thuộc.
cli-help-global = Tuỳ chọn chung: --json (dòng cuối là một đối tượng JSON), --lang vi|en, --help.

## Báo cáo số liệu
tally-summary = { $date } — { $units }
tally-summary-unit = { $unit }: { $entries }
tally-summary-entry = { $group } { $count }
tally-confirm-unit = Cần xác nhận "{ $text }" là thôn nào: { $options }. Số liệu chưa được lưu cho đến khi xác nhận.
tally-too-long = Tin nhắn quá dài ({ $length } ký tự, tối đa { $max }). Mỗi tin chỉ gửi một báo cáo ngắn.
tally-not-a-report = Chưa đọc được số liệu trong tin nhắn. Gửi theo mẫu: { $village } GD 12 HS 3 (tên thôn, nhóm đối tượng, số người).
tally-unknown-unit = Không có thôn "{ $text }" trong danh sách. Các thôn: { $villages }.
tally-missing-unit = Tin nhắn chưa ghi tên thôn. Các thôn: { $villages }.
tally-out-of-scope = { $unit } không thuộc địa bàn được giao. Các thôn được giao: { $villages }.
tally-unknown-group = Không rõ nhóm đối tượng "{ $text }". Các nhóm: { $groups }.
tally-missing-group = Số { $count } chưa ghi nhóm đối tượng. Các nhóm: { $groups }.
tally-missing-count = Nhóm { $group } chưa có số người.
tally-bad-count = Số người của nhóm { $group } phải là số nguyên, không phải "{ $text }".
tally-bad-number = "{ $text }" không phải số người hợp lệ: cần một số nguyên không âm.
tally-negative-count = Số người của nhóm { $group } không được âm ({ $text }).
tally-unit-without-count = { $unit } chưa có số liệu. Ghi nhóm và số người sau tên thôn, ví dụ GD 12.
tally-above-population = { $unit } báo { $count } người, nhiều hơn dân số của thôn ({ $population } người). Vui lòng kiểm tra lại.
tally-future-date = Ngày { $date } chưa tới, chưa báo cáo trước được.
tally-bad-date = Ngày "{ $text }" không hợp lệ. Ghi ngày theo dạng ngày/tháng, ví dụ 20/11.
tally-two-dates = Mỗi tin nhắn chỉ báo cáo cho một ngày, nhưng tin này có cả "{ $first }" và "{ $second }".
tally-too-old = Ngày { $date } đã quá { $days } ngày. Số liệu cũ hơn xin nhờ cán bộ xã nhập bù.
tally-duplicate-entry = { $unit } có nhóm { $group } hai lần trong cùng tin nhắn. Vui lòng cộng lại và gửi một số.
cli-help-tally-parse = Đọc thử một tin nhắn báo cáo số liệu đúng như bot sẽ đọc (không lưu gì).

## Cán bộ và mã mời
officer-role-collector = cán bộ thu thập số liệu thôn
officer-role-commune = cán bộ xã
officer-role-viewer = lãnh đạo (chỉ xem)
invite-created = Mã mời { $code } ({ $role }, { $scope }), dùng một lần, hết hạn ngày { $expires }. Cán bộ gửi "/start { $code }" hoặc chỉ gửi mã cho bot.
invite-scope-not-commune = { $unit } không phải là xã/phường: mã mời được cấp theo xã.
invite-collector-needs-village = Cán bộ thu thập cần được giao một thôn (--unit).
invite-village-outside-commune = { $unit } không thuộc { $commune }.
invite-invalid = Mã mời không đúng. Vui lòng kiểm tra lại hoặc xin mã mới từ cán bộ xã.
invite-expired = Mã mời đã hết hạn. Vui lòng xin mã mới từ cán bộ xã.
invite-used = Mã mời này đã được dùng. Mỗi mã chỉ dùng được một lần; vui lòng xin mã mới.
cli-help-officer-invite = Tạo mã mời dùng một lần cho cán bộ (thu thập, cán bộ xã, lãnh đạo) của một xã.

## Hủy báo cáo
tally-undo-no-report = Bạn chưa có báo cáo nào để hủy.
tally-undo-too-old = Chỉ hủy được báo cáo gửi trong { $hours } giờ qua. Để sửa số cũ hơn, gửi lại số đúng và chọn "Thay thế".
tally-undo-nothing-active = Báo cáo gần nhất của bạn đã được hủy hoặc đã được thay thế rồi.

## Hội thoại với cán bộ
conv-welcome-guest = Xin chào! Đây là trợ lý BHYT toàn dân của xã. Nếu bạn là cán bộ, hãy gửi mã mời do cán bộ xã cấp.
conv-not-registered = Bạn chưa được đăng ký là cán bộ báo cáo. Hãy gửi mã mời do cán bộ xã cấp (ví dụ: ABCD-EFGH).
conv-welcome-officer = Chào bạn, bạn là { $role } của xã { $commune }. Gửi số người tham gia BHYT trong ngày theo mẫu: Xuân Thành GD 12 HS 3. Lệnh: /tiendo xem tiến độ, /huy hủy báo cáo gần nhất, /sua cách sửa số liệu.
conv-report-help = Gửi một tin theo mẫu: tên thôn, nhóm đối tượng và số người, ví dụ "Xuân Thành GD 12 HS 3". Có thể ghi ngày ở đầu tin: "hôm qua ..." hoặc "20/11 ...".
conv-correct-help = Để sửa số liệu, gửi lại số đúng cho cùng thôn, nhóm và ngày (ví dụ "20/11 Xuân Thành GD 10"), rồi chọn "Thay thế". Để hủy báo cáo vừa gửi, dùng /huy.
conv-unknown-command = Bot chưa hiểu lệnh { $command }. Các lệnh: /tiendo, /huy, /sua, /trogiup.
conv-viewer-cannot-report = Tài khoản của bạn chỉ xem tiến độ (/tiendo), không gửi báo cáo số liệu.
conv-stale-question = Câu hỏi này đã hết hạn. Vui lòng gửi lại báo cáo.
conv-button-add = Cộng thêm
conv-button-replace = Thay thế
conv-button-cancel = Hủy
conv-tally-cancelled = Đã hủy, chưa lưu số liệu nào.
conv-tally-pick-village = "{ $text }" là thôn nào?
conv-tally-existing = { $unit }, nhóm { $group }, ngày { $date } đã có { $total } người; báo cáo mới: { $count } người.
conv-tally-add-or-replace = Cộng thêm vào số cũ hay thay thế số cũ?
conv-tally-saved = Đã ghi nhận: { $summary }
conv-tally-replaced = Đã thay thế số cũ: { $summary }
conv-progress-line = { $unit }: { $insured }/{ $target } ({ $rate } %) — còn thiếu { $gap } người
conv-progress-reached = { $unit }: { $insured }/{ $target } ({ $rate } %) — đã đạt chỉ tiêu
conv-progress-no-target = { $unit }: { $insured } người tham gia (chưa có chỉ tiêu năm nay)
conv-progress-period = Hôm nay { $today }, tháng này { $month }, từ đầu năm { $year } người.
conv-undone = Đã hủy báo cáo ngày { $date }: { $items }.
conv-undo-restored = Số liệu trước đó được khôi phục: { $items }.
conv-no-villages = Bạn chưa được giao thôn nào. Vui lòng liên hệ cán bộ xã.
conv-ranking-heading = Tiến độ BHYT năm { $year } — { $commune }
conv-ranking-line = { $rank }. { $line } { $silent }
conv-ranking-silent = (chưa báo cáo hôm nay)

## Trò chuyện thử
cli-help-chat = Trò chuyện thử với bot ngay trên máy (không cần Telegram), với tư cách một tài khoản Telegram hoặc một số điện thoại.
cli-chat-intro = Đang trò chuyện với tư cách { $channel } { $id }. Gõ tin nhắn rồi Enter; Ctrl+D để thoát.

## Nhập danh sách thẻ BHYT (bhyt import cards)
# Lỗi về số cá nhân (mã số BHXH, số CCCD, mã thẻ, số điện thoại, ngày sinh) chỉ nêu tên cột,
# không bao giờ nêu giá trị: màn hình và nhật ký không phải chỗ an toàn cho dữ liệu cá nhân.
card-column = { $column ->
    [full_name] Họ và tên
    [date_of_birth] Ngày sinh
    [gender] Giới tính
    [bhxh_number] Mã số BHXH
    [card_code] Mã thẻ
    [id_number] Số CCCD / Số định danh
    [phone] Số điện thoại
    [valid_from] Hạn thẻ từ
    [valid_to] Hạn thẻ đến
    [village] Thôn/Tổ
    [household_id] Mã hộ gia đình
    [group_code] Mã đối tượng
    [registered_facility] Nơi đăng ký KCB ban đầu
    [five_year_date] Thời điểm đủ 5 năm liên tục
   *[other] { $column }
}
row-card-required = thiếu { card-column }
row-card-no-identifier = cần Mã số BHXH (hoặc Mã thẻ) hoặc Số CCCD / Số định danh
row-card-bad-number = { card-column } phải gồm đúng { $digits } chữ số (nếu cột đang là kiểu số trong Excel, số 0 ở đầu bị mất: hãy định dạng cột là văn bản)
row-card-bad-card-code = { card-column } không đúng mẫu (15 ký tự như GD4 38 + 10 số, hoặc 10 số)
row-card-bhxh-mismatch = mã số BHXH trong Mã thẻ khác với cột Mã số BHXH
row-card-bad-date = { card-column } không phải ngày hợp lệ (dd/mm/yyyy hoặc yyyy-mm-dd)
row-card-valid-to-before-from = Hạn thẻ đến trước Hạn thẻ từ
row-card-bad-gender = giới tính "{ $value }" không hợp lệ (Nam, Nữ)
row-card-bad-phone = { card-column } không phải số di động Việt Nam
row-card-unknown-village = không có thôn/tổ "{ $value }" trong xã
row-card-ambiguous-village = "{ $value }" khớp nhiều thôn/tổ: { $candidates }. Hãy dùng mã thôn hoặc chọn xã (--commune)
row-card-duplicate-person = trùng { card-column } với dòng { $other }
row-card-same-person = cùng một người đã có trong danh sách như dòng { $other }
row-card-person-conflict = Mã số BHXH và Số CCCD thuộc về hai người khác nhau đã có trong danh sách
warn-card-group-differs = Mã đối tượng khác nhóm trong Mã thẻ; đã dùng Mã đối tượng
warn-card-shortened = hạn thẻ đến sớm hơn hạn đang lưu; đã dùng hạn trong tệp
import-cards-done = Đã nhập { $rows } dòng: { $peopleCreated } người mới, { $peopleUpdated } cập nhật; { $cardsCreated } thẻ mới, { $cardsUpdated } thẻ cập nhật ({ $renewed } gia hạn); { $households } hộ mới; { $reminders } lời nhắc đã huỷ.
cli-help-import-cards = Nhập danh sách thẻ BHYT từ CSV/XLSX (Họ và tên, Mã số BHXH, Số CCCD, Mã thẻ, Hạn thẻ, Thôn/Tổ…). Có --commune thì Thôn/Tổ ghi tên hoặc mã; không có thì phải là mã thôn (hoặc tên duy nhất). Số cá nhân được mã hoá; nhập lại sẽ cập nhật, không tạo trùng.
