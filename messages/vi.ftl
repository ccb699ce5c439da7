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
row-not-a-commune = đơn vị "{ $value }" không phải cấp xã
row-bad-commune-status = diện xã "{ $value }" không rõ (xã nghèo, đặc biệt khó khăn, khu vực III, đã ra khỏi diện đặc biệt khó khăn)
row-dates-reversed = ngày kết thúc { $to } trước ngày bắt đầu { $from }
row-unknown-group = không có nhóm đối tượng "{ $value }"
row-unknown-indicator = không có chỉ số "{ $value }"
row-target-missing = cần target_count hoặc target_rate
row-target-above-population = chỉ tiêu { $target } lớn hơn dân số { $population }
warn-rate-mismatch = tỷ lệ in { $printed } % khác với { $count }/{ $population } = { $computed } %
warn-zero-population = dân số bằng 0

## Dữ liệu mẫu
demo-seeded = Đã nạp dữ liệu mẫu: { $units } đơn vị, { $targets } chỉ tiêu, { $people } người trong danh sách thẻ (giả lập).
demo-already = Cơ sở dữ liệu đã có dữ liệu; không nạp lại dữ liệu mẫu.
cli-help-d1-seed-demo = Nạp dữ liệu mẫu và tạo tài khoản quản trị đầu tiên trong D1 cục bộ của `npm run dev:worker` (khóa lấy từ .dev.vars).
d1-local-only = Chỉ hỗ trợ D1 cục bộ: thêm --local. Không nạp dữ liệu mẫu vào D1 thật.
d1-no-keys = Thiếu DATA_ENCRYPTION_KEY hoặc BLIND_INDEX_KEY trong .dev.vars (tạo bằng: openssl rand -base64 32). Worker dùng chính các khóa này để mở dữ liệu cá nhân.
d1-not-migrated = D1 cục bộ chưa có cấu trúc: chạy `npm run db:migrate:local` trước.
d1-admin-generated = Đã tạo tài khoản quản trị { $username }, mật khẩu: { $password }
    Mật khẩu chỉ hiện một lần này; đăng nhập rồi đổi mật khẩu.
d1-admin-created = Đã tạo tài khoản quản trị { $username } với ADMIN_PASSWORD trong .dev.vars.
d1-admin-exists = Đã có tài khoản quản trị; không tạo thêm.

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
cli-help-import-commune-statuses = Nhập diện xã từ CSV/XLSX: unit_code,status,valid_from,source (+ valid_to); status là poor/xã nghèo, ethnic_minority_disadvantaged/đặc biệt khó khăn/khu vực III, hoặc no_longer_disadvantaged. Mỗi dòng phải ghi văn bản căn cứ.
cli-help-units-list = Liệt kê đơn vị hành chính theo cây.
cli-help-units-statuses = Liệt kê diện của xã (xã nghèo, vùng đồng bào dân tộc thiểu số…) theo thời gian, kèm văn bản căn cứ; diện này quyết định mức hỗ trợ tiền đóng BHYT.
commune-statuses-none = Chưa ghi nhận diện xã nào. Nhập danh sách bằng: bhyt import commune-statuses FILE
commune-status-line = { $unit }: { $status }, từ { $from } đến { $to } — { $source }
commune-status-line-demo = { $unit }: { $status }, từ { $from } đến { $to } — { $source } (dữ liệu mẫu)
cli-help-targets-show = Xem chỉ tiêu của một đơn vị và các đơn vị trực thuộc.
cli-help-global = Tuỳ chọn chung: --json (dòng cuối là một đối tượng JSON), --lang vi|en, --help.
cli-help-shards-list = Liệt kê các cơ sở dữ liệu tỉnh (SHARDING=province): tệp, dung lượng, số thẻ và các mã đơn vị được gán.
cli-help-shards-assign = Gán các đơn vị có mã bắt đầu bằng <mã đơn vị> cho một phần của tỉnh được chia (ví dụ 79-01 79_2). Chỉ gán sau khi dữ liệu đã có ở phần đó.
cli-help-shards-migrate = Tạo hoặc cập nhật cấu trúc mọi cơ sở dữ liệu tỉnh và cơ sở dữ liệu quốc gia; --workers in các lệnh wrangler cho D1.
cli-help-shards-report = Số liệu tổng hợp theo tỉnh từ cơ sở dữ liệu quốc gia (ngày gần nhất, hoặc --day), không đọc cơ sở dữ liệu tỉnh.
cli-shards-single = Lệnh này cần SHARDING=province; hiện chỉ có một cơ sở dữ liệu: { $path }.
cli-shards-row = { $shard }: { $file }, { $megabytes } MB, { $cards } thẻ, mã đơn vị được gán: { $prefixes }
cli-shards-national = Cơ sở dữ liệu quốc gia: { $file }, { $megabytes } MB.
cli-shards-assigned = Đã gán các đơn vị { $prefix } cho cơ sở dữ liệu { $shard }.
cli-shards-migrated = Đã cập nhật cấu trúc { $count } cơ sở dữ liệu trong { $dir }.
cli-shards-workers-migrate = Trên Cloudflare Workers, chạy các lệnh sau từ máy triển khai:
cli-shards-report-row = Tỉnh { $province }, ngày { $day }: { $cards } thẻ, { $valid } còn hạn, { $expiring } hết hạn trong 30 ngày tới, { $enrolments } người tham gia được báo, { $sent } tin đã gửi, { $failed } tin lỗi.
cli-shards-report-empty = Chưa có số liệu tổng hợp nào: mỗi tỉnh ghi số liệu của ngày hôm trước vào buổi sáng.
cli-help-shards-move = Chuyển tệp cơ sở dữ liệu của một tỉnh sang <tệp> (SHARDING=province, dừng máy chủ trước): sao chép có kiểm tra (số dòng và mã kiểm tra từng bảng), rồi đường dẫn của shard trỏ sang bản sao; bản gốc được giữ lại. Không có --confirm thì chỉ in kế hoạch.
cli-shards-move-plan = Kế hoạch: sao chép cơ sở dữ liệu { $shard } từ { $source } sang { $target }, kiểm tra từng bảng, rồi chuyển. Các bảng và số dòng:
cli-shards-confirm-hint = Chưa thay đổi gì. Chạy lại với --confirm để thực hiện.
cli-shards-target-exists = { $path } đã có: chọn tệp mới (không ghi đè tệp nào).
cli-shards-copy-mismatch = Bản sao khác bản gốc ở các bảng: { $tables }. Đã xóa bản sao, chưa chuyển gì.
cli-shards-moved = Cơ sở dữ liệu { $shard } nay dùng { $target } (đã kiểm tra { $tables } bảng); bản gốc được giữ ở { $kept }.
cli-help-d1-move = Chuyển một cơ sở dữ liệu D1 sang cơ sở dữ liệu mới: viết lại tệp `wrangler d1 export` (--export) thành --out, nạp được vào một cơ sở dữ liệu D1 trống (tạo mọi bảng trước khi chèn dòng), và kiểm tra hai tệp giống nhau từng bảng.
cli-d1-move-done = Đã ghi { $out }: { $tables } bảng, { $rows } dòng, giống hệt bản xuất. Tiếp theo: wrangler d1 create <tên mới>, wrangler d1 execute <tên mới> --remote --file { $out }, đổi database_id của binding trong wrangler.toml, rồi wrangler deploy. Cơ sở dữ liệu cũ được giữ nguyên.
cli-help-d1-split = Tách một cơ sở dữ liệu D1 của tỉnh (Workers) qua tệp xuất: nạp tệp `wrangler d1 export` của <shard> (--export) và của cơ sở dữ liệu quốc gia (--national), tách và kiểm tra như `bhyt shards split`, rồi ghi vào --out mỗi phần thành một tệp SQL cho một cơ sở dữ liệu D1 mới, trống, cùng national.sql (phân công mới). Cơ sở dữ liệu D1 cũ không bị đụng tới. Không có --confirm thì chỉ in kế hoạch.
cli-d1-split-too-long = Bảng { $tables } có dòng dài hơn D1 nhận trong một câu lệnh (100 000 byte): chưa tách. Xóa hoặc thu gọn các dòng đó (thường là tệp đính kèm trong hộp thư đi đã gửi xong) rồi xuất lại.
cli-d1-split-done = Đã tách { $from }: { $units } đơn vị ({ $prefix }), { $rows } dòng sang phần { $into }; đã kiểm tra { $tables } bảng và nạp thử từng tệp. Các bước tiếp theo (trong giờ bảo trì, tạm dừng webhook):
    1. wrangler d1 create cho phần { $into } và phần { $rest } (cơ sở dữ liệu mới, trống), rồi wrangler d1 execute <tên> --remote --file { $intoFile } và --file { $restFile }.
    2. wrangler d1 execute <cơ sở dữ liệu quốc gia> --remote --file { $nationalFile }.
    3. Trong wrangler.toml: binding DB_P{ $into } và DB_P{ $rest } trỏ tới các cơ sở dữ liệu mới, SHARDS gồm cả hai phần; wrangler deploy. Cơ sở dữ liệu cũ được giữ nguyên để quay lại nếu cần.
cli-help-shards-split = Tách cơ sở dữ liệu <shard> (SHARDING=province, dừng máy chủ trước; cả tỉnh thì cần --rest <phần> cho các đơn vị ở lại): các đơn vị thuộc --prefix cùng mọi dòng gắn với chúng chuyển sang phần --into (tệp của phần đó, hoặc --to <tệp>); hai bản sao được lọc và đối chiếu với bản gốc trước khi chuyển, rồi gán các mã đơn vị. Không có --confirm thì chỉ in kế hoạch.
cli-shards-split-plan = Kế hoạch: các đơn vị { $prefix } ({ $units } đơn vị) rời phần { $from } ({ $source }) sang phần { $into } ({ $target }); các dòng khác ở lại. Các bảng (số dòng chuyển → số dòng ở lại; "=": như nhau ở cả hai phần):
cli-shards-split-parts = Không thể tách { $from } sang { $into } theo { $prefix }: cả hai phải là hai phần khác nhau của cùng một tỉnh (ví dụ 79_1 và 79_2) và các đơn vị phải thuộc tỉnh đó. Cơ sở dữ liệu cả tỉnh được tách với --rest <phần> cho các đơn vị ở lại.
cli-shards-split-nothing = Không đơn vị nào của phần { $from } được chuyển theo { $prefix }: chưa tách gì.
cli-shards-split-elsewhere = { $count } đơn vị sẽ ở lại { $shard } dù mã được gán cho phần khác ({ $codes }…): sửa việc gán trước (bhyt shards assign). Chưa tách gì.
cli-shards-split-unruled = Chưa có quy tắc tách cho các bảng { $tables } (src/cli/commands/shard-split-rules.ts): chưa tách gì.
cli-shards-split-mismatch = Hai phần cộng lại không khớp với bản gốc: { $tables }. Đã xóa các bản sao, chưa chuyển gì.
cli-shards-split-dangling = Sau khi tách, dòng của phần này sẽ trỏ tới dòng của phần kia: { $links }. Chọn mã đơn vị theo các liên kết này. Đã xóa các bản sao, chưa chuyển gì.
cli-shards-target-not-empty = Cơ sở dữ liệu { $shard } ({ $path }) đã có dữ liệu: chưa sao chép gì.
cli-shards-split-done = Phần { $into } ({ $target }) nay giữ các đơn vị { $prefix } ({ $units } đơn vị, { $rows } dòng); phần { $from } giữ phần còn lại (đã kiểm tra { $tables } bảng); { $identities } người gửi nay được chuyển tới { $into }. Bản gốc được giữ ở { $kept }.
cli-shards-split-whole-done = Cơ sở dữ liệu { $from } không còn được dùng: trong SHARDS (và DEFAULT_SHARD), thay { $from } bằng { $parts } trước khi khởi động máy chủ.

## Báo cáo số liệu
tally-summary = { $date } — { $units }
tally-summary-unit = { $unit }: { $entries }
tally-summary-entry = { $group } { $count }
tally-summary-entry-renewal = { $group } gia hạn { $count } (không tính vào số tham gia mới)
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
tally-above-population-total = { $unit } hiện có { $insured } người tham gia BHYT; lưu báo cáo này sẽ thành { $after } người, nhiều hơn dân số của thôn ({ $population } người). Số liệu chưa được lưu. Vui lòng kiểm tra lại.
tally-future-date = Ngày { $date } chưa tới, chưa báo cáo trước được.
tally-date-needs-year = Ngày "{ $text }" cách hôm nay hơn { $days } ngày. Để không ghi nhầm năm, anh/chị gửi lại kèm năm, ví dụ { $date }.
tally-date-last-year = "{ $text }" là ngày của năm trước? Để không ghi nhầm năm, anh/chị gửi lại kèm năm: { $date }.
tally-date-not-this-year = Năm { $year } không có ngày "{ $text }". Anh/chị gửi lại kèm năm, ví dụ { $date }.
tally-date-needs-year-ask = Ngày "{ $text }" cách hôm nay hơn { $days } ngày: có phải ngày { $date }? Nếu không, anh/chị gửi lại kèm năm.
tally-date-last-year-ask = "{ $text }" là ngày { $date } của năm trước? Nếu không, anh/chị gửi lại kèm năm.
tally-date-not-this-year-ask = Năm { $year } không có ngày "{ $text }": có phải ngày { $date }? Nếu không, anh/chị gửi lại kèm năm.
tally-future-date-yearless = Ngày "{ $text }" năm nay là { $date }, chưa tới nên chưa báo cáo trước được. Nếu là ngày của năm trước, anh/chị gửi lại kèm năm: { $lastYear }.
tally-future-date-yearless-window = Ngày "{ $text }" năm nay là { $date }, chưa tới nên chưa báo cáo trước được. Anh/chị báo cáo được cho các ngày từ { $from } đến hôm nay (số liệu hôm nay thì gửi lại không ghi ngày); số liệu cũ hơn xin nhờ cán bộ xã nhập bù.
tally-date-outside-window = Ngày "{ $text }" không nằm trong { $days } ngày gần đây. Anh/chị báo cáo được cho các ngày từ { $from } đến hôm nay (số liệu hôm nay thì gửi lại không ghi ngày); số liệu cũ hơn xin nhờ cán bộ xã nhập bù.
tally-ambiguous-group = "{ $text }" gồm hai nhóm: { $groups }. Anh/chị gửi lại theo từng nhóm, ví dụ HS 3 SV 2.
tally-ambiguous-kind = Chưa rõ "{ $text }" là cho { $before } hay cho số liệu phía sau. Anh/chị gửi lại, ghi "{ $text }" trước số liệu của nó, ví dụ: { $text } { $before }.
tally-lapsed-not-recorded = Bot chưa ghi số giảm ("{ $text }"): tin nhắn báo cáo chỉ ghi số tham gia mới và số gia hạn. Anh/chị gửi lại phần tham gia mới, gia hạn, và báo số giảm cho cán bộ xã.
tally-bad-date = Ngày "{ $text }" không hợp lệ. Ghi ngày theo dạng ngày/tháng, ví dụ 20/11.
tally-two-dates = Mỗi tin nhắn chỉ báo cáo cho một ngày, nhưng tin này có cả "{ $first }" và "{ $second }".
tally-too-old = Ngày { $date } đã quá { $days } ngày. Số liệu cũ hơn xin nhờ cán bộ xã nhập bù.
tally-duplicate-entry = { $unit } có nhóm { $group } hai lần trong cùng tin nhắn. Vui lòng cộng lại và gửi một số.
cli-help-tally-parse = Đọc thử một tin nhắn báo cáo số liệu đúng như bot sẽ đọc (không lưu gì).
cli-help-card-status = Tra cứu tình trạng thẻ BHYT như bot (cần ngày sinh; thẻ không có và sai ngày sinh trả lời như nhau).
cli-help-reminders-plan = Lập lịch nhắc gia hạn thẻ (30, 7, 1 ngày trước và 3 ngày sau hạn), mỗi hộ một tin; --dry-run chỉ đếm.
cli-reminders-planned = Đã xếp { $due } tin nhắc vào hàng đợi ({ $undeliverable } chưa có kênh gửi); bỏ qua { $autoRenew } thẻ do Nhà nước/BHXH/đơn vị gia hạn, { $optedOut } thẻ đã từ chối nhận tin.
cli-reminders-dry-run = Đến hạn nhắc: { $due } tin ({ $undeliverable } chưa có kênh gửi); bỏ qua { $autoRenew } thẻ tự gia hạn, { $optedOut } thẻ đã từ chối nhận tin. Chưa lưu gì (--dry-run).
cli-card-status = Thẻ { $status }, hạn đến { $to }, mã quyền lợi { $level }, mức hưởng { $percent }%.
cli-card-status-valid = còn hạn
cli-card-status-expiring = sắp hết hạn
cli-card-status-expired = đã hết hạn
cli-card-status-not_yet_valid = chưa có giá trị sử dụng

## Cán bộ và mã mời
officer-role-collector = cán bộ thôn
officer-role-commune = cán bộ xã
officer-role-viewer = lãnh đạo (chỉ xem)
invite-created = Mã mời { $code } ({ $role }, { $scope }), dùng một lần, hết hạn ngày { $expires }. Cán bộ gửi "/start { $code }" hoặc chỉ gửi mã cho bot.
invite-scope-not-commune = { $unit } không phải là xã/phường: mã mời được cấp theo xã.
invite-collector-needs-village = Cán bộ thôn cần được giao một thôn (--unit).
invite-village-outside-commune = { $unit } không thuộc { $commune }.
invite-invalid = Mã mời không đúng. Vui lòng kiểm tra lại hoặc xin mã mới từ cán bộ xã.
invite-expired = Mã mời đã hết hạn. Vui lòng xin mã mới từ cán bộ xã.
invite-used = Mã mời này đã được dùng. Mỗi mã chỉ dùng được một lần; vui lòng xin mã mới.
cli-help-officer-invite = Tạo mã mời dùng một lần cho cán bộ (thu thập, cán bộ xã, lãnh đạo) của một xã.

## Hủy báo cáo
tally-undo-no-report = Chưa có báo cáo nào để hủy.
tally-undo-too-old = Chỉ hủy được báo cáo gửi trong { $hours } giờ qua. Để sửa số cũ hơn, gửi lại số đúng và chọn "Thay thế".
tally-undo-nothing-active = Báo cáo gần nhất đã được hủy hoặc đã được thay thế rồi.

## Hội thoại với cán bộ
conv-welcome-officer = Xin chào, anh/chị là { $role } của xã { $commune }. Gửi số người tham gia BHYT trong ngày theo mẫu: Xuân Thành GD 12 HS 3, hoặc dùng /baocao để chọn từng bước. Lệnh: /tiendo xem tiến độ, /sua sửa số liệu, /huy hủy báo cáo gần nhất, /danhsach danh sách vận động, /lienket báo cáo bằng SMS, /ngonngu đổi ngôn ngữ.
conv-correct-help-sms = Để sửa số liệu, gửi SUA kèm số đúng cho cùng thôn, nhóm và ngày, ví dụ: SUA 20/11 Xuân Thành GD 10. Số mới sẽ thay thế số cũ. Để hủy báo cáo vừa gửi, gửi HUY.
conv-correct-help = Để sửa số liệu, gửi /sua kèm số đúng cho cùng thôn, nhóm và ngày, ví dụ: /sua 20/11 Xuân Thành GD 10. Số mới sẽ thay thế số cũ. Để hủy báo cáo vừa gửi, dùng /huy.
conv-unknown-command = Bot chưa hiểu lệnh { $command }. Các lệnh: /tiendo, /huy, /sua, /trogiup.
conv-welcome-officer-sms = Chào anh/chị, { $role } của xã { $commune }. Nhắn số trong ngày theo mẫu: Xuân Thành GD 12 HS 3. Lệnh (không cần dấu /): BAOCAO báo cáo từng bước, TIENDO tiến độ, SUA sửa số, HUY hủy báo cáo vừa gửi, DANHSACH danh sách vận động, NGONNGU ngôn ngữ, TROGIUP hướng dẫn.
conv-unknown-command-sms = Chưa hiểu lệnh { $command }. Các lệnh: BAOCAO, TIENDO, SUA, HUY, DANHSACH, TROGIUP.
conv-viewer-cannot-report = Tài khoản này chỉ xem tiến độ (/tiendo), không gửi báo cáo số liệu.
conv-stale-question = Câu hỏi này đã hết hạn. Vui lòng gửi lại báo cáo.
conv-internal-error = Xin lỗi, hệ thống gặp lỗi khi xử lý tin nhắn này. Vui lòng thử lại sau ít phút.
conv-button-add = Cộng thêm
conv-button-replace = Thay thế
conv-button-cancel = Hủy
conv-button-confirm-date = Đúng ngày { $date }
conv-tally-cancelled = Đã hủy, chưa lưu số liệu nào.
conv-tally-pick-village = "{ $text }" là thôn nào?
conv-tally-existing = { $unit }, nhóm { $group }, ngày { $date } đã có { $total } người; báo cáo mới: { $count } người.
conv-tally-add-or-replace = Cộng thêm vào số cũ hay thay thế số cũ?
conv-tally-saved = Đã ghi nhận: { $summary }
conv-tally-replaced = Đã thay thế số cũ: { $summary }
conv-progress-line = { $unit }: { $insured }/{ $target } người, đạt { $rate } % chỉ tiêu — còn thiếu { $gap } người
conv-progress-reached = { $unit }: { $insured }/{ $target } người, đạt { $rate } % chỉ tiêu — đã đạt chỉ tiêu
conv-progress-no-target = { $unit }: { $insured } người tham gia (chưa có chỉ tiêu năm nay)
conv-progress-latest-target = Năm { $year } chưa có chỉ tiêu; chỉ tiêu gần nhất là của năm { $latest } (trang quản trị: ?year={ $latest }). Nhờ cán bộ quản trị nhập chỉ tiêu năm { $year }.
conv-progress-no-plan = Năm { $year } chưa có chỉ tiêu, và chưa nhập kế hoạch năm nào. Nhờ cán bộ quản trị nhập chỉ tiêu (bhyt import targets).
conv-progress-period = Tham gia mới: hôm nay { $today }, tháng này { $month }, từ đầu năm { $year } người.
progress-coverage-rate = Bao phủ { $rate } % dân số
progress-coverage-count = Số tham gia { $insured } (chưa có dân số để tính bao phủ)
progress-sum-baseline = đầu kỳ { $baseline } + mới { $added }
progress-sum-new-only = mới { $added } từ đầu năm (chưa có số đầu kỳ)
progress-sum-net = đầu kỳ { $baseline } + mới { $added } − hết hạn { $lapsed } ({ $direction ->
        [down] thực giảm { $net }
       *[up] thực tăng { $net }
    })
progress-lapse-no-roster = chưa có danh sách thẻ nên chưa trừ thẻ hết hạn
progress-lapse-no-baseline = chưa trừ thẻ hết hạn
progress-renewals = gia hạn { $renewals } người tính riêng
conv-undone = Đã hủy báo cáo ngày { $date }: { $items }.
conv-undo-restored = Số liệu trước đó được khôi phục: { $items }.
conv-no-villages = Anh/chị chưa được giao thôn nào. Vui lòng liên hệ cán bộ xã.
conv-ranking-heading = Tiến độ BHYT năm { $year } — { $commune }
conv-ranking-line = { $rank }. { $line } { $silent }
conv-ranking-silent = (chưa báo cáo hôm nay)
conv-ranking-order = Các thôn, xếp từ thôn còn xa chỉ tiêu nhất:
conv-ranking-order-sms = Các thôn, xếp từ thôn còn xa chỉ tiêu nhất (% chỉ tiêu, số người còn thiếu):
conv-ranking-line-sms = { $rank }. { $unit }: { $rate } %, thiếu { $gap } { $silent }
conv-ranking-line-sms-reached = { $rank }. { $unit }: { $rate } %, đã đạt { $silent }
conv-ranking-line-sms-no-target = { $rank }. { $unit }: { $insured } người, chưa có chỉ tiêu { $silent }
conv-ranking-silent-sms = (chưa báo hôm nay)
conv-ranking-more-sms = Còn { $count } thôn gần chỉ tiêu hơn (hoặc chưa có chỉ tiêu) không đủ chỗ trong tin này.
chart-title = Tiến độ BHYT { $unit } — { $year }
chart-subtitle = Tỷ lệ người dân có thẻ BHYT; vạch dọc là chỉ tiêu
chart-no-data = chưa có số liệu
chart-no-target = chưa có chỉ tiêu
chart-legend-reached = Đạt chỉ tiêu
chart-legend-below = Chưa đạt
chart-legend-target = Chỉ tiêu
nudge-collector = Hôm nay { $villages } chưa có báo cáo BHYT. Gửi số liệu theo mẫu: { $example } GD 12 HS 3, hoặc "{ $example } GD 0" nếu không có ai tham gia.
summary-heading = Tổng hợp ngày { $date } — { $commune }
summary-reported = { $count }/{ $total } thôn đã báo cáo, { $people } người tham gia mới hôm nay.
summary-silent = Chưa báo cáo: { $villages }.
summary-all-reported = Tất cả các thôn đã báo cáo.
conv-report-ask-village = Báo cáo cho thôn nào?
conv-report-ask-group = { $unit }: nhóm đối tượng nào?
conv-report-ask-count = { $unit }, nhóm { $group }: hôm nay có bao nhiêu người tham gia? Gửi một số, ví dụ 12.
conv-report-confirm = Lưu { $unit }, nhóm { $group }: { $count } người, ngày { $date }?
conv-button-save = Lưu
conv-language-help = Gửi /ngonngu vi (tiếng Việt) hoặc /ngonngu en (tiếng Anh). Các ngôn ngữ: { $locales }.
conv-language-set = Đã chuyển sang tiếng Việt.
conv-link-code = Để báo cáo bằng SMS, gửi tin nhắn { $code } từ số điện thoại của anh/chị tới số SMS của xã trong { $hours } giờ tới. Sau đó số điện thoại này báo cáo được như tài khoản hiện tại.
conv-link-already-sms = Số điện thoại này đã được liên kết để báo cáo bằng SMS.
group-short-GD = Hộ gia đình
group-short-HS = Học sinh
group-short-SV = Sinh viên
group-short-TE = Trẻ em dưới 6 tuổi
group-short-CN = Cận nghèo
group-short-HN = Hộ nghèo
group-short-DT = Dân tộc thiểu số
group-short-GB = Hộ nông, lâm, ngư, diêm nghiệp
group-short-BHXHTN = BHXH tự nguyện
group-short-HT = Hưu trí, trợ cấp mất sức
group-short-BT = Bảo trợ xã hội
## Người dân: tra cứu thẻ, nhắc gia hạn, đồng ý
resident-welcome-sms = Xin chào! Đây là trợ lý BHYT toàn dân của xã. Để tra cứu thẻ BHYT, gửi mã thẻ (15 ký tự), mã số BHXH (10 số) hoặc số CCCD/định danh (12 số). Để tính tiền gia hạn, gửi PHI và số người trong hộ, ví dụ PHI 3. Cán bộ xã/thôn: gửi mã mời để đăng ký báo cáo.
resident-welcome = Xin chào! Đây là trợ lý BHYT toàn dân của xã. Để tra cứu thẻ BHYT, gửi mã thẻ (15 ký tự), mã số BHXH (10 số) hoặc số CCCD/định danh (12 số). Để tính tiền gia hạn, gửi /phi và số người trong hộ, ví dụ /phi 3. Cán bộ xã/thôn: gửi mã mời để đăng ký báo cáo.
resident-ask-dob = Để bảo vệ thông tin, vui lòng gửi ngày sinh của người có thẻ (ngày/tháng/năm, ví dụ 05/09/1980).
resident-bad-dob = Chưa đọc được ngày sinh. Vui lòng gửi theo dạng ngày/tháng/năm, ví dụ 05/09/1980.
resident-not-verified = Không tìm thấy thẻ khớp với mã số và ngày sinh đã gửi. Vui lòng kiểm tra lại, hoặc liên hệ cán bộ thôn/xã.
resident-cooling-down = Anh/chị đã tra cứu sai nhiều lần. Vui lòng thử lại sau 1 giờ, hoặc liên hệ cán bộ thôn/xã để được hỗ trợ.
resident-bad-identifier = "{ $text }" chưa đúng dạng mã thẻ BHYT (15 ký tự), mã số BHXH (10 số) hay số CCCD (12 số).
resident-card-heading = Thẻ BHYT của { $name } (đối tượng { $group })
resident-card-validity = Giá trị sử dụng: từ { $from } đến { $to }
resident-status-valid = Tình trạng: còn hạn.
resident-status-expiring = Tình trạng: sắp hết hạn, còn { $days } ngày.
resident-status-expired = Tình trạng: đã hết hạn { $days } ngày.
resident-status-not-yet-valid = Tình trạng: đã đóng tiền nhưng thẻ chưa có giá trị sử dụng; thẻ có giá trị từ ngày { $date } (chờ { $wait } ngày sau khi đóng, do tham gia lần đầu hoặc gián đoạn từ 90 ngày trở lên). Khám, chữa bệnh trước ngày này chưa được BHYT chi trả.
resident-status-last-day = Tình trạng: hôm nay là ngày cuối thẻ còn giá trị sử dụng.
resident-renew-self-today = Thẻ do người tham gia tự gia hạn. Hôm nay là ngày cuối thẻ còn giá trị: đóng tiền ngay trong hôm nay để thẻ mới nối tiếp. Nếu thẻ gián đoạn từ 90 ngày trở lên, thẻ mới chỉ có giá trị sau { $wait } ngày kể từ ngày đóng.
resident-renew-school = Học sinh, sinh viên gia hạn thẻ BHYT qua nhà trường (theo năm học), không đóng theo hộ gia đình. Anh/chị liên hệ nhà trường để biết thời hạn đóng.
resident-child-card-ends = Thẻ trẻ em dưới 6 tuổi do Nhà nước đóng đến khi trẻ đủ 72 tháng tuổi (thẻ hết hạn ngày { $to }). Sau đó Nhà nước không đóng nữa và thẻ không tự cấp lại: gia đình cần cho trẻ tham gia BHYT qua nhà trường (học sinh) hoặc theo hộ gia đình trước ngày thẻ hết hạn để không bị gián đoạn.
resident-where-to-pay = Nơi đóng tiền: đại lý thu BHYT (tổ chức dịch vụ thu) tại xã, thôn; hoặc trực tuyến qua ứng dụng VssID, VNeID, Cổng dịch vụ công quốc gia. UBND xã không thu tiền BHYT.
resident-benefit-recoded = Mã quyền lợi in trên thẻ là { $printed }, nhưng theo quy định hiện hành thẻ được áp dụng mã quyền lợi { $level } (mức hưởng { $percent }%).
resident-facility = Nơi đăng ký khám chữa bệnh ban đầu: { $facility }
resident-five-years-from = Đủ 5 năm tham gia liên tục từ ngày { $date }.
resident-five-years-reached = Đã đủ 5 năm tham gia liên tục (từ ngày { $date }): khi số tiền cùng chi trả trong năm vượt 6 lần mức tham chiếu, quỹ BHYT chi trả 100% đến hết ngày 31/12 năm đó.
resident-renew-self = Thẻ do người tham gia tự gia hạn. Nên đóng tiền chậm nhất trong ngày { $to } (ngày cuối thẻ còn giá trị) để thẻ mới nối tiếp. Nếu thẻ gián đoạn từ 90 ngày trở lên, thẻ mới chỉ có giá trị sau { $wait } ngày kể từ ngày đóng.
resident-renewed-by-state = Thẻ này do Nhà nước đóng và được cấp lại tự động, anh/chị không cần tự gia hạn. Nếu thông tin trên VNeID ghi hạn 31/12, đó là hạn của từng năm cấp thẻ.
resident-renewed-by-bhxh = Thẻ này do cơ quan BHXH đóng (ví dụ người hưởng lương hưu, trợ cấp) và được cấp lại tự động, anh/chị không cần tự gia hạn.
resident-renewed-by-employer = Thẻ này do đơn vị sử dụng lao động đóng; việc gia hạn do đơn vị thực hiện.
resident-button-subscribe = Nhận tin nhắc gia hạn
resident-consent-wording = Tôi đồng ý để xã dùng mã thẻ, hạn thẻ và kênh liên lạc này để nhắc gia hạn BHYT cho tôi và hộ gia đình. Tôi có thể nhắn HUY bất cứ lúc nào để dừng.
resident-consent-wording-officer = Tôi đồng ý để xã dùng mã thẻ, hạn thẻ và kênh liên lạc này để nhắc gia hạn BHYT cho tôi và hộ gia đình. Tôi có thể nhắn STOP bất cứ lúc nào để dừng.
resident-consent-ask = Để nhận tin nhắc gia hạn, anh/chị vui lòng đọc và chọn Đồng ý: "{ $wording }"
resident-button-agree = Đồng ý
resident-consent-declined = Chưa đăng ký nhắc gia hạn. Anh/chị có thể đăng ký bất cứ lúc nào sau khi tra cứu thẻ.
resident-subscribed = Đã đăng ký nhắc gia hạn cho thẻ này và hộ gia đình. Nhắn HUY (hoặc STOP, TU CHOI, /huy_nhac) bất cứ lúc nào để dừng nhận tin.
resident-subscribed-sms = Đã đăng ký nhắc gia hạn cho thẻ này và hộ gia đình. Nhắn HUY (hoặc STOP, TU CHOI) bất cứ lúc nào để dừng nhận tin.
resident-subscribed-officer = Đã đăng ký nhắc gia hạn cho thẻ này và hộ gia đình. Nhắn STOP (hoặc DỪNG) bất cứ lúc nào để dừng nhận tin; HUY vẫn là lệnh hủy báo cáo vừa gửi.
resident-unsubscribed = Đã dừng mọi tin nhắc gia hạn. Anh/chị có thể đăng ký lại sau khi tra cứu thẻ.
reminder-expiring = Nhắc gia hạn BHYT: thẻ của { $names } hết hạn ngày { $date } (còn { $days } ngày). Đóng tiền trước hạn để thẻ nối liền. Gửi PHI { $count } { $group } để biết số tiền; nhắn HUY để dừng nhận tin. Không chuyển tiền cho người lạ.
reminder-expired = Thẻ BHYT của { $names } đã hết hạn ngày { $date }. Hãy gia hạn sớm tại đại lý thu hoặc qua VssID, VNeID; gửi PHI { $count } { $group } để biết số tiền; nhắn HUY để dừng nhận tin. Không chuyển tiền cho người lạ.
names-and-others = { $names } và { $count } người khác
resident-signature = — Trợ lý BHYT toàn dân. Chúng tôi không bao giờ hỏi mã OTP hay mật khẩu; chỉ dùng ứng dụng VssID hoặc VNeID chính thức.
resident-signature-commune = — Trợ lý BHYT xã { $commune }. Chúng tôi không bao giờ hỏi mã OTP hay mật khẩu; chỉ dùng ứng dụng VssID hoặc VNeID chính thức.
resident-signature-sms = BHXH không bao giờ hỏi mã OTP.
sms-card-valid = Thẻ BHYT { $name }: còn hạn đến { $to }, mức hưởng { $percent }%.
sms-card-expiring = Thẻ BHYT { $name }: hết hạn ngày { $to } (còn { $days } ngày), mức hưởng { $percent }%.
sms-card-expired = Thẻ BHYT { $name }: đã hết hạn từ { $to }. Đóng tiền để có thẻ mới.
sms-card-not-yet-valid = Thẻ BHYT { $name }: đã đóng tiền, thẻ có giá trị từ { $from }.
sms-card-fee = Gia hạn 12 tháng, hộ { $members } người: { $total } đồng. Đóng ở đại lý thu hoặc VssID, VNeID.
sms-card-fee-person = Gia hạn 12 tháng: { $total } đồng một người. Đóng ở đại lý thu hoặc VssID, VNeID.
sms-card-renew-self = Gia hạn: đóng ở đại lý thu hoặc qua VssID, VNeID.
sms-card-renew-school = Học sinh, sinh viên gia hạn qua nhà trường.
sms-card-child-ends = Nhà nước đóng đến { $to }; sau đó gia đình cho trẻ tham gia qua trường hoặc theo hộ.
sms-card-renewed-by-others = Thẻ được cấp lại tự động, không cần tự gia hạn.
d2d-empty = Không có ai cần vận động gia hạn: chưa có thẻ tự đóng nào hết hạn hoặc sắp hết hạn trong 30 ngày.
d2d-heading = Danh sách vận động ngày { $date }: { $households } hộ, { $people } người có thẻ đã hết hạn hoặc hết hạn trong 30 ngày.
d2d-household = { $village }, hộ { $household } (SĐT { $phone }): { $members }
d2d-expired = hết hạn { $date } ({ $days } ngày trước)
d2d-expiring = hết hạn { $date } (còn { $days } ngày)
d2d-more = … và { $count } hộ nữa, xem trong tệp Excel.
d2d-file-caption = Danh sách vận động (Excel)
d2d-heading-sms = Danh sách vận động ngày { $date }: { $households } hộ, { $people } người cần gia hạn thẻ.
d2d-more-sms = Còn { $count } hộ: nhắn DANHSACH { $next } để xem tiếp.
d2d-sms-no-page = Danh sách chỉ có { $pages } trang. Nhắn DANHSACH để xem từ đầu.
d2d-sheet = Danh sach van dong
d2d-col-village = Thôn
d2d-col-household = Mã hộ
d2d-col-name = Họ và tên
d2d-col-born = Năm sinh
d2d-col-group = Nhóm
d2d-col-valid-to = Hạn thẻ đến
d2d-col-status = Tình trạng
d2d-col-phone = Số điện thoại

## Trò chuyện thử
cli-help-chat = Trò chuyện thử với bot ngay trên máy (không cần Telegram), với tư cách một tài khoản Telegram hoặc một số điện thoại.
cli-chat-intro = Đang trò chuyện với tư cách { $channel } { $id }. Gõ tin nhắn rồi Enter; Ctrl+D để thóat.

## Thẻ BHYT: đọc mã thẻ, mức hưởng, phí gia hạn, ngày thẻ có giá trị (bhyt card, bhyt fee, /phi)
cli-help-card-parse = Đọc mã thẻ BHYT: mã 15 ký tự (mẫu cũ), mã số BHXH 10 số hoặc số định danh cá nhân 12 số.
cli-help-card-benefit = Xem mức hưởng và tỷ lệ quỹ BHYT chi trả của một nhóm đối tượng (mã 2 chữ) vào một ngày.
cli-help-fee = Tính số tiền gia hạn BHYT: hộ gia đình (giảm dần từ người thứ 2), học sinh, sinh viên, cận nghèo, hộ nông lâm ngư diêm nghiệp. --commune áp dụng mức hỗ trợ theo tình trạng của xã (xã nghèo…) như khi tra cứu thẻ.
card-wrong-length = Mã thẻ "{ $code }" có { $length } ký tự. Mã thẻ BHYT mẫu cũ có 15 ký tự (ví dụ GD4797920123456); mã số BHXH có 10 chữ số; số định danh cá nhân (CCCD) có 12 chữ số.
card-unknown-group = Mã đối tượng "{ $group }" (2 chữ cái đầu của mã thẻ) không có trong danh mục. Vui lòng kiểm tra lại, ví dụ GD, HS, CN.
card-bad-benefit-level = Ký tự thứ 3 của mã thẻ là mã quyền lợi, phải là số từ 1 đến 5 (đang là "{ $digit }").
card-letters-in-number = Phần số "{ $number }" chỉ được gồm chữ số, nhưng có ký tự "{ $char }".
card-unknown-province = Mã tỉnh "{ $province }" (ký tự thứ 4–5 của mã thẻ) không có trong danh mục mã tỉnh.
card-parsed-legacy15 = Thẻ mẫu cũ: đối tượng { $group }, mã quyền lợi { $level }, tỉnh cấp thẻ { $province }, mã số BHXH { $number }.
card-parsed-bhxh10 = Mã số BHXH { $number } (thẻ mẫu mới: mức hưởng không nằm trong mã, cần tra cứu trên VssID hoặc với BHXH).
card-parsed-id12 = Số định danh cá nhân { $number } (dùng thay mã số BHXH từ 01/08/2025).
benefit-unknown-group = Không có nhóm đối tượng "{ $group }" trên thẻ BHYT. Ghi mã 2 chữ, ví dụ GD, HS, CN.
benefit-no-level = Chưa có mã quyền lợi của nhóm { $group } vào ngày { $date }.
benefit-summary = Nhóm { $group } ngày { $date }: mã quyền lợi { $level }, mức hưởng { $percent }%.
benefit-level-share = Mã quyền lợi { $level }: mức hưởng { $percent }% (quỹ BHYT trả) chi phí khám, chữa bệnh trong phạm vi được hưởng; { $copay ->
    [0] người bệnh không phải cùng chi trả.
   *[other] người bệnh cùng chi trả { $copay }%.
  }
benefit-caps-apply = Thuốc, vật tư y tế, dịch vụ kỹ thuật có quy định tỷ lệ thanh toán thì được trả theo tỷ lệ đó.
benefit-caps-none = Không bị giới hạn tỷ lệ thanh toán đối với thuốc, vật tư y tế, dịch vụ kỹ thuật.
benefit-transport = Được trả chi phí vận chuyển khi phải chuyển sang cơ sở khám, chữa bệnh khác trong trường hợp cấp cứu hoặc đang điều trị nội trú.
benefit-outside-package = Được trả cả chi phí khám, chữa bệnh ngoài phạm vi quyền lợi BHYT.
benefit-rule-low-cost = Lần khám có tổng chi phí dưới { $percent }% lương cơ sở (dưới { $amount } đồng) được trả 100%.
benefit-rule-primary-care = Khám, chữa bệnh tại cơ sở cấp ban đầu (trạm y tế xã, phòng khám bác sĩ gia đình…) được trả { $percent }%.
benefit-rule-five-years = Tham gia đủ 5 năm liên tục và số tiền cùng chi trả trong năm vượt { $months } lần mức tham chiếu ({ $amount } đồng) thì được trả 100% đến hết ngày 31/12 năm đó; chỉ tính số tiền cùng chi trả khi khám, chữa bệnh đúng quy định chuyển người bệnh hoặc thuộc các trường hợp được coi là đúng.
benefit-rule-self-referral = Tự đi điều trị nội trú tại cơ sở chuyên sâu khi không có giấy chuyển: quỹ chỉ trả { $percent }% mức hưởng (trừ cấp cứu và các trường hợp được miễn).
fee-bad-members = Số người "{ $members }" không hợp lệ: ghi từ 1 đến { $max } người.
fee-bad-months = Số tháng đóng "{ $months }" không hợp lệ: nhóm này đóng { $allowed } tháng một lần.
fee-unknown-group = Không tính số tiền đóng cho nhóm "{ $group }". Chỉ tính cho các nhóm tự đóng hoặc được hỗ trợ đóng: { $groups }.
fee-unknown-province = Không có mã tỉnh "{ $province }" trong danh mục.
fee-unknown-commune = Không có xã "{ $commune }" trong danh mục.
fee-commune-support = Xã { $commune } là { $status }: ngân sách hỗ trợ { $percent }% cho nhóm này.
fee-commune-status-poor = xã nghèo
fee-commune-status-ethnic_minority_disadvantaged = xã vùng đồng bào dân tộc thiểu số và miền núi
fee-commune-status-no_longer_disadvantaged = xã đã ra khỏi diện đặc biệt khó khăn
fee-no-rule = Chưa có mức đóng của nhóm { $group } vào ngày { $date }.
fee-heading = Số tiền đóng BHYT — { $group }, { $months } tháng, đóng ngày { $date } (lương cơ sở { $base } đồng, mức đóng { $rate }%):
fee-member-line = Người thứ { $index }: { $ladder }% mức đóng = { $full } đồng{ $support ->
    [0] {""}
   *[other] , ngân sách hỗ trợ { $support }% ({ $supportAmount } đồng)
  } → phải đóng { $amount } đồng.
fee-members-line = Người thứ { $from } { $kind ->
    [pair] và
   *[range] đến
  } thứ { $to }: mỗi người { $ladder }% mức đóng = { $full } đồng{ $support ->
    [0] {""}
   *[other] , ngân sách hỗ trợ { $support }% ({ $supportAmount } đồng)
  } → mỗi người phải đóng { $amount } đồng.
fee-base-salary-latest-known = Lưu ý: lương cơ sở { $base } đồng là mức mới nhất đã biết (áp dụng từ { $from }, { $instrument }); nếu Nhà nước đã điều chỉnh, số tiền đóng sẽ khác.
fee-total = Tổng cộng: { $total } đồng.
fee-help-sms = Chưa hiểu "{ $text }". Gửi PHI [số người trong hộ] [nhóm] [số tháng], ví dụ: PHI 3 GD 12 hoặc PHI 1 HS.
fee-help = Chưa hiểu "{ $text }". Gửi /phi [số người trong hộ] [nhóm] [số tháng], ví dụ: /phi 3 GD 12 hoặc /phi 1 HS.
renewal-first-enrolment = Tham gia lần đầu: thẻ có giá trị từ ngày { $date } ({ $wait } ngày sau khi đóng tiền).
renewal-lapsed = Thẻ cũ đã hết hạn { $gap } ngày (từ 90 ngày trở lên): thẻ mới có giá trị từ ngày { $date } ({ $wait } ngày sau khi đóng tiền).
renewal-continuous = Gia hạn liên tục: thẻ mới có giá trị ngay sau ngày thẻ cũ hết hạn, từ ngày { $date }.
renewal-short-gap = Thẻ cũ đã hết hạn { $gap } ngày (dưới 90 ngày): không phải chờ 30 ngày; thẻ mới dự kiến có giá trị từ ngày đóng tiền { $date }.

## Hàng đợi gửi tin (nhắc hạn và trả lời chờ gửi)
cli-help-outbox-status = Xem số tin trong hàng đợi gửi theo trạng thái, tổng và theo từng kênh.
cli-outbox-empty = Hàng đợi gửi tin đang trống.
cli-outbox-total = Mọi kênh: { $counts }
cli-outbox-channel = { $channel }: { $counts }
outbox-state-pending = chờ gửi
outbox-state-sending = đang gửi
outbox-state-sent = đã gửi
outbox-state-delivered = đã nhận
outbox-state-failed = lỗi
outbox-state-dropped = bỏ (quá hạn)
outbox-state-cancelled = đã hủy

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
import-cards-done = Đã nhập { $rows } dòng: { $peopleCreated } người mới, { $peopleUpdated } cập nhật; { $cardsCreated } thẻ mới, { $cardsUpdated } thẻ cập nhật ({ $renewed } gia hạn); { $households } hộ mới; { $reminders } lời nhắc đã hủy.
cli-help-import-cards = Nhập danh sách thẻ BHYT từ CSV/XLSX (Họ và tên, Mã số BHXH, Số CCCD, Mã thẻ, Hạn thẻ, Thôn/Tổ…). Có --commune thì Thôn/Tổ ghi tên hoặc mã; không có thì phải là mã thôn (hoặc tên duy nhất). Số cá nhân được mã hóa; nhập lại sẽ cập nhật, không tạo trùng.

## Bảng theo dõi trên web (đăng nhập, tổng quan, trang đơn vị, báo cáo tháng)
dashboard-title = Theo dõi bao phủ BHYT
dashboard-login-heading = Đăng nhập
dashboard-username = Tên đăng nhập
dashboard-password = Mật khẩu
dashboard-login-submit = Đăng nhập
dashboard-login-failed = Sai tên đăng nhập hoặc mật khẩu.
dashboard-login-throttled = Đăng nhập sai quá nhiều lần. Vui lòng thử lại sau { $minutes } phút.
dashboard-login-busy = Đang có nhiều lượt đăng nhập vào tài khoản này hoặc vào hệ thống; vui lòng thử lại sau vài giây.
dashboard-not-configured = Chưa cấu hình khóa phiên đăng nhập (SESSION_SECRET hoặc BLIND_INDEX_KEY).
dashboard-csrf-failed = Biểu mẫu đã hết hạn. Vui lòng tải lại trang rồi thử lại.
dashboard-body-too-large = Yêu cầu quá lớn nên không được đọc. Biểu mẫu chỉ nhận vài kB; tệp được nhập ở trang Nhập dữ liệu sau khi đăng nhập.
dashboard-logout = Đăng xuất
dashboard-signed-in-as = Tài khoản: { $username }
dashboard-other-language = English
dashboard-overview = Tổng quan
dash-national-title = Toàn quốc: các tỉnh
dash-national-intro = Mỗi tỉnh có cơ sở dữ liệu riêng; bảng này đọc số liệu tổng hợp hằng ngày của từng tỉnh (ngày tổng hợp gần nhất). Đăng nhập bằng tài khoản của tỉnh để xem chi tiết.
dash-national-empty = Chưa có tỉnh nào gửi số liệu tổng hợp. Số liệu được tổng hợp mỗi ngày sau khi máy chủ chạy.
dash-national-province = Tỉnh
dash-national-day = Ngày tổng hợp
dash-national-cards = Thẻ trong danh sách
dash-national-cards-valid = Thẻ còn hạn
dash-national-expiring = Hết hạn trong 30 ngày
dash-national-enrolments = Số người báo cáo trong ngày (mới và gia hạn)
dash-national-reports = Lượt báo cáo trong ngày
dash-national-sent = Tin đã gửi trong ngày
dash-national-failed = Tin gửi lỗi trong ngày
dash-national-parts = { $count } phần
dash-national-csv = Tải bảng (CSV)
dashboard-period = Kế hoạch năm { $year }, số liệu đến ngày { $date }
dashboard-year = Năm kế hoạch
dashboard-no-plan = Chưa có chỉ tiêu năm { $year }: bảng dưới đây chỉ có số người đã báo cáo, chưa so được với chỉ tiêu.
dashboard-see-year = Xem kế hoạch năm { $year }
dashboard-col-unit = Đơn vị
dashboard-col-population = Dân số
dashboard-col-insured = Có thẻ BHYT
dashboard-col-target = Chỉ tiêu
dashboard-col-target-rate = Chỉ tiêu (% dân số)
dashboard-col-target-share = Đạt (% chỉ tiêu)
dashboard-col-rate = Bao phủ (% dân số)
dashboard-col-gap = Còn thiếu
dashboard-col-status = Tình trạng
dashboard-status-on-track = Đạt chỉ tiêu
dashboard-status-behind = Chưa đạt
dashboard-status-no-target = Chưa có chỉ tiêu
dashboard-historical = không còn hoạt động
dashboard-percent = { NUMBER($value, maximumFractionDigits: 2) } %
dashboard-children = Đơn vị trực thuộc
dashboard-no-children = Không có đơn vị trực thuộc.
dashboard-silent-heading = Thôn chưa báo cáo ngày { $date }
dashboard-silent-none = Mọi thôn đã báo cáo.
dashboard-recent-heading = Báo cáo gần đây
dashboard-recent-none = Chưa có báo cáo nào.
dashboard-col-date = Ngày
dashboard-col-group = Nhóm
dashboard-col-count = Số người
dashboard-col-officer = Người báo cáo
dashboard-col-channel = Kênh
dashboard-flows-heading = Tham gia mới, gia hạn và thẻ hết hạn
dashboard-flows-span = Từ ngày { $from } đến ngày { $to }:
dashboard-flows-added = Tham gia mới (theo báo cáo): { $count } người
dashboard-flows-renewals = Gia hạn (đã có thẻ, tính riêng, không cộng vào số có thẻ): { $count } người
dashboard-flows-lapsed = Thẻ hết hạn không gia hạn (theo danh sách thẻ): { $count } thẻ
dashboard-flows-net = { $direction ->
        [down] Thực giảm: { $count } người
       *[up] Thực tăng: { $count } người
    }
dashboard-flows-no-baseline = Chưa có số đầu kỳ nên chưa trừ thẻ hết hạn: số có thẻ chỉ là số tham gia mới từ đầu năm.
dashboard-flows-no-roster = Chưa nhập danh sách thẻ nên chưa biết thẻ nào hết hạn.
dashboard-flows-rule = Số có thẻ = đầu kỳ + tham gia mới − thẻ hết hạn. Thẻ tính là hết hạn khi đã hết hạn từ { $days } ngày trở lên (hết hạn đến ngày { $through }) mà chưa gia hạn, vì đóng sau thời gian này là tham gia lại, thẻ chờ { $wait } ngày (Luật BHYT Đ16 k3 c).
dashboard-flows-rule-none = Chưa có thẻ nào quá thời hạn gia hạn không gián đoạn.
dashboard-flows-lapsed-none = Không có thẻ nào hết hạn trong kỳ.
dashboard-col-lapsed = Thẻ hết hạn
dashboard-officer-unknown = (không rõ)
dashboard-channel = { $channel ->
    [telegram] Telegram
    [zalo_oa] Zalo OA
    [zalo_bot] Zalo Bot
    [web] Web
    [sms] SMS
    [cli] Dòng lệnh
   *[other] { $channel }
  }
dashboard-report-heading = Báo cáo tháng
dashboard-report-month = Tháng
dashboard-report-xlsx = Tải Excel (.xlsx)
dashboard-report-csv = Tải CSV
dashboard-report-print = Bản in A4
dashboard-report-title = Báo cáo tiến độ BHYT { $unit } — tháng { $month }
dashboard-report-as-of = Số liệu đến hết ngày { $date }, kế hoạch năm { $year }.
dashboard-report-print-hint = Dùng lệnh In của trình duyệt (Ctrl+P) để in trên khổ A4.
dashboard-report-total = Tổng cộng
dashboard-bad-month = Tháng "{ $month }" không hợp lệ: ghi theo dạng NNNN-TT, ví dụ 2025-10.
dashboard-future-month = Tháng { $month } chưa bắt đầu.
dashboard-forbidden = Tài khoản đang dùng không được xem đơn vị này.
dashboard-not-found = Không tìm thấy trang hoặc đơn vị này.
report-col-code = Mã
report-col-name = Đơn vị
report-col-population = Dân số
report-col-target = Chỉ tiêu (người)
report-col-target-rate = Chỉ tiêu (%)
report-col-insured = Có thẻ BHYT
report-col-rate = Bao phủ (%)
report-col-gap = Còn thiếu
report-col-reported-month = Tăng trong tháng
report-col-reported-year = Tăng từ đầu năm

## Tháng cao điểm (chiến dịch vận động)
campaign-expired = { $campaign }: thẻ BHYT của { $names } đã hết hạn. Gia hạn ngay tại đại lý thu hoặc qua VssID, VNeID để được bảo vệ; gửi PHI { $count } { $group } để biết số tiền; nhắn HUY để dừng nhận tin. Không chuyển tiền cho người lạ.
campaign-expiring = { $campaign }: thẻ BHYT của { $names } sắp hết hạn. Gia hạn trước { $until } để thẻ nối liền; gửi PHI { $count } { $group } để biết số tiền; nhắn HUY để dừng nhận tin. Không chuyển tiền cho người lạ.
campaign-digest-heading = { $campaign } — tiến độ ngày { $date }
campaign-digest-collector = { $campaign }: hôm nay có { $households } hộ ({ $people } người) cần vận động gia hạn thẻ. Gửi /danhsach để nhận danh sách và tệp Excel.
campaign-digest-collector-sms = { $campaign }: hôm nay có { $households } hộ ({ $people } người) cần vận động gia hạn thẻ. Nhắn DANHSACH để nhận danh sách.
campaign-bad-name = Chiến dịch cần có tên.
campaign-bad-window = Ngày kết thúc ({ $to }) phải sau ngày bắt đầu ({ $from }).
campaign-bad-audience = Chọn đối tượng nhắn tin: { $audiences }.
campaign-bad-cap = Số tin tối đa mỗi tuần phải từ 1 đến { $max }.
cli-help-campaign-create = Tạo chiến dịch tháng cao điểm (đơn vị, thời gian, đối tượng, số tin tối đa mỗi tuần) và xem trước số tin, số SMS và số phần SMS sẽ gửi; --dry-run chỉ ước tính.
cli-help-campaign-list = Liệt kê các chiến dịch tháng cao điểm.
cli-campaign-estimate = { $households } hộ, { $days } lượt gửi: tối đa { $messages } tin ({ $sms } SMS, { $segments } phần SMS); { $undeliverable } hộ chưa có kênh liên lạc.
cli-campaign-created = Đã tạo chiến dịch #{ $id } "{ $name }" từ { $from } đến { $to }.
cli-campaign-first-day-failed = Đã lưu chiến dịch, nhưng chưa xếp được tin của hôm nay ({ $error }). Các ngày gửi sau vẫn chạy theo lịch hằng ngày.
cli-campaign-line = #{ $id } { $name }: { $from } – { $to }, tối đa { $cap } tin/tuần, đối tượng { $audience }

## Sao lưu và khôi phục
cli-help-db-backup = Sao lưu cơ sở dữ liệu ra tệp khi máy chủ vẫn chạy (khóa mã hóa không nằm trong tệp: hãy sao lưu keys.json riêng).
cli-help-db-restore = Khôi phục cơ sở dữ liệu từ tệp sao lưu (dừng máy chủ trước; cần --yes).
backup-target-exists = Tệp { $file } đã có. Chọn tên tệp khác để không ghi đè bản sao lưu cũ.
backup-done = Đã sao lưu vào { $file } ({ $pages } trang). Nhớ sao lưu riêng khóa mã hóa (keys.json hoặc biến môi trường).
backup-missing = Không tìm thấy tệp sao lưu { $file }.
backup-not-bhyt = Tệp { $file } không phải bản sao lưu hợp lệ của hệ thống.
restore-needs-yes = Khôi phục sẽ thay toàn bộ dữ liệu trong { $file }. Dừng máy chủ rồi chạy lại với --yes.
restore-done = Đã khôi phục từ { $file }: { $tallies } dòng số liệu báo cáo.

## Security and privacy (issue "Hardening"): data-subject requests, key rotation, retention

cli-help-person-export = Xuất mọi dữ liệu đang lưu về một người (giải mã), kể cả thẻ, hộ, đồng ý, kênh liên hệ và nhật ký; có ghi nhật ký.
cli-help-person-forget = Xóa dữ liệu cá nhân của một người (hồ sơ, thẻ, đồng ý, liên hệ); số liệu báo cáo ẩn danh được giữ. Cần --yes.
cli-person-bad-subject = Không đọc được mã: ghi mã số BHXH (10 số), số CCCD (12 số), mã thẻ (15 ký tự) hoặc id người.
cli-person-subject-not-found = Không có người nào với mã này.
cli-person-subject-ambiguous = Mã này khớp với nhiều người; dùng id người hoặc số CCCD.
cli-person-plan = Sẽ xóa: { $person } hồ sơ, { $card } thẻ, { $reminders } lịch nhắc, { $contacts } liên hệ, { $identities } kênh, { $consents } đồng ý; { $outbox } tin nhắn được xóa nội dung.
cli-person-confirm = Chạy lại với --yes để xóa.
cli-person-forgotten = Đã xóa dữ liệu cá nhân của người { $id }.
cli-help-keys-rotate = Mã hóa lại mọi dữ liệu cá nhân bằng khóa mới (DATA_ENCRYPTION_KEY…), đọc bằng khóa cũ (OLD_DATA_ENCRYPTION_KEY…); chạy lại được nếu bị ngắt.
cli-keys-no-new-keys = Chưa đặt khóa mới: cần DATA_ENCRYPTION_KEY, BLIND_INDEX_KEY và DATA_KEY_ID mới.
cli-keys-no-old-keys = Không tìm thấy khóa cũ: đặt OLD_DATA_ENCRYPTION_KEY, OLD_BLIND_INDEX_KEY và OLD_DATA_KEY_ID.
cli-keys-same = Khóa mới giống khóa cũ: không có gì để làm.
cli-keys-same-id = Khóa dữ liệu mới cần mã khóa mới: đổi DATA_KEY_ID (đang là { $keyId }).
cli-keys-id-without-key = Đổi DATA_KEY_ID mà không đổi DATA_ENCRYPTION_KEY: giữ mã khóa cũ hoặc đặt khóa dữ liệu mới.
cli-keys-rotated = Đã mã hóa lại { $count } dòng bằng khóa { $keyId }. { $invites } mã mời chưa dùng hết hiệu lực nếu khóa chỉ mục đổi.
cli-help-db-purge-inbound-text = Xóa nguyên văn tin nhắn đến (báo cáo số liệu) cũ hơn INBOUND_TEXT_RETENTION_DAYS ngày (mặc định 90); số liệu được giữ.
cli-purged-inbound-text = Đã xóa nguyên văn { $tallies } báo cáo, { $states } hội thoại dở dang và nội dung { $outbox } tin đã gửi, cũ hơn { $days } ngày.

## Telegram webhook registration (bhyt telegram …)
cli-help-telegram-set-webhook = Đăng ký địa chỉ webhook với Telegram (HTTPS), kèm mã bí mật TELEGRAM_WEBHOOK_SECRET; chỉ nhận tin nhắn và nút bấm.
cli-help-telegram-webhook-info = Xem địa chỉ webhook Telegram đang dùng, số cập nhật đang chờ và lỗi gửi gần nhất.
telegram-not-configured = Chưa cấu hình Telegram: đặt TELEGRAM_BOT_TOKEN.
telegram-webhook-no-secret = Cần đặt TELEGRAM_WEBHOOK_SECRET (12–256 ký tự chữ, số, _ hoặc -) trước khi đăng ký webhook, để không ai giả mạo được tin gửi đến.
telegram-webhook-bad-url = Địa chỉ không hợp lệ: { $url }
telegram-webhook-not-https = Telegram chỉ gọi địa chỉ HTTPS; { $url } không dùng được.
telegram-webhook-refused = Telegram từ chối (mã { $code }): { $detail }
telegram-webhook-unreachable = Không kết nối được tới máy chủ Telegram (TELEGRAM_API_ROOT). Kiểm tra mạng rồi thử lại.
telegram-webhook-set = Đã đăng ký webhook: { $url }
telegram-webhook-info = Webhook: { $url } · đang chờ { $pending } cập nhật · lỗi gần nhất: { $error }
telegram-webhook-none = Chưa đăng ký webhook (bot đang dùng long polling hoặc chưa chạy) · đang chờ { $pending } cập nhật.

## Zalo OA: cấp quyền lại (PKCE), gửi tin theo quy định Zalo
zalo-oauth-not-configured = Chưa cấu hình Zalo OA (ZALO_APP_ID) hoặc địa chỉ công khai (PUBLIC_URL), nên không thể cấp quyền lại.
zalo-oauth-admin-only = Chỉ quản trị viên toàn hệ thống mới được cấp quyền lại cho Zalo OA.
zalo-oauth-bad-state = Liên kết cấp quyền đã hết hạn hoặc không hợp lệ. Vui lòng bắt đầu lại từ trang cấp quyền Zalo.
zalo-oauth-failed = Zalo không cấp mã truy cập. Vui lòng thử lại; nếu vẫn lỗi, kiểm tra ZALO_APP_SECRET.
zalo-oauth-done = Đã cấp quyền lại cho Zalo OA. Tin nhắn Zalo đang chờ sẽ được gửi tiếp.
cli-help-outbox-failed = Liệt kê các tin không gửi được (lỗi hoặc bỏ vì quá hạn), mới nhất trước, kèm lý do.
cli-outbox-failed-none = Không có tin nào bị lỗi hoặc bị bỏ.
cli-outbox-failed-line = #{ $id } { $channel } ({ $purpose }): { $status } — { $code }: { $reason }
outbox-reason-dead_letter = Máy chủ gặp lỗi nhiều lần đúng lúc gửi tin này (hàng đợi chuyển vào dead-letter); đã dừng để các tin khác không bị chặn.
outbox-reason-window_closed = Người nhận không nhắn cho Zalo OA trong 48 giờ qua, không có số điện thoại hay mẫu ZNS để gửi thay, và đã hết hạn mức tin chủ động trong ngày.
outbox-reason-expired = Tin đã quá thời hạn có ích (ví dụ đã đến lượt nhắc tiếp theo) nên không gửi muộn.
outbox-reason-opted_out = Người nhận đã từ chối nhận tin (HUY / STOP).
outbox-reason-blocked = Người nhận đã chặn hoặc bỏ theo dõi kênh này.
outbox-reason-no_identity = Không còn tài khoản nhận tin của người này (đã xóa).
outbox-reason-no_address = Không có địa chỉ nhận tin (số điện thoại hoặc mã tài khoản).
outbox-reason-unknown_template = Nội dung tin không có trong danh mục thông điệp.
outbox-reason-loop_guard = Dừng để tránh vòng lặp tin nhắn tự động với một máy trả lời tự động.
outbox-reason-bad_phone = Số điện thoại không hợp lệ.
outbox-reason-quota_exceeded = Đã hết hạn mức gửi trong ngày của Zalo; tin được giữ đến ngày hôm sau.
outbox-reason-night_ban = Zalo không cho gửi loại tin này vào ban đêm; tin được giữ đến sáng.
outbox-reason-not_following = Người nhận đã bỏ theo dõi Zalo OA.
outbox-reason-user_inactive = Tài khoản Zalo của người nhận không hoạt động quá 45 ngày.
outbox-reason-user_refused = Người nhận đã chặn loại tin này trên Zalo.
outbox-reason-cannot_receive = Số điện thoại không có Zalo hoặc không nhận được tin.
outbox-reason-auth = Mã truy cập Zalo OA không còn hiệu lực; quản trị viên cần cấp quyền lại tại /admin/zalo/authorize.
outbox-reason-internal = Lỗi nội bộ khi gửi; đã thử lại đến giới hạn.
outbox-reason-undelivered = Nhà mạng hoặc cổng SMS báo tin không đến được máy người nhận.
outbox-reason-rate_limited = Nhà cung cấp báo gửi quá nhanh; đã thử lại đến giới hạn.
outbox-reason-unreadable = Nhà cung cấp trả lời không đọc được.
outbox-reason-other = Nhà cung cấp báo lỗi { $code }.

## Province sharding (one database per province)
shard-unknown = Không có cơ sở dữ liệu "{ $shard }" trong cấu hình (mã tỉnh 2 chữ số, hoặc mã tỉnh và phần, ví dụ 79_2).
shard-unit-unassigned = Đơn vị "{ $code }" thuộc một tỉnh được chia nhiều cơ sở dữ liệu nhưng chưa được gán cho phần nào.
shard-assignment-other-province = Không thể gán đơn vị "{ $code }" cho "{ $shard }": đó là phần của tỉnh khác.
shard-unit-without-province = Mã đơn vị "{ $code }" không cho biết thuộc tỉnh nào: cần mã có 2 chữ số tỉnh ở đầu (ví dụ 38-01-01 hoặc 3801234).
shard-none-configured = Chế độ chia theo tỉnh cần ít nhất một cơ sở dữ liệu tỉnh.

## Bảng theo dõi: chiến dịch, danh sách thẻ, quản trị, thử bot, cảnh báo tra cứu (issue 7)
dash-nav-campaigns = Chiến dịch
dash-nav-roster = Danh sách thẻ
dash-nav-admin = Quản trị
dash-nav-try = Thử bot
dash-not-available = Chức năng này cần khóa dữ liệu cá nhân (DATA_ENCRYPTION_KEY), chưa được cấu hình.
dash-alarm-lookups = Cảnh báo: { $count } lượt tra cứu thẻ thất bại trong giờ qua (ngưỡng { $threshold }). Có thể ai đó đang dò ngày sinh.
dash-alarm-see-log = Xem nhật ký
dash-col-rank = Hạng
dash-campaigns-none = Chưa có chiến dịch nào.
dash-campaigns-col-name = Tên chiến dịch
dash-campaigns-col-window = Thời gian
dash-campaigns-col-communes = Xã
dash-campaigns-col-audience = Đối tượng
dash-campaigns-col-state = Trạng thái
dash-campaigns-everywhere = Tất cả các xã
dash-campaigns-create = Tạo chiến dịch mới
dash-audience = { $audience ->
    [expired] Thẻ đã hết hạn
    [expiring] Thẻ sắp hết hạn
    [not_in_roster] Chưa có trong danh sách thẻ năm nay
   *[other] { $audience }
  }
dash-campaign-state = { $state ->
    [upcoming] Sắp diễn ra
    [running] Đang diễn ra
   *[ended] Đã kết thúc
  }
dash-campaign-from = Từ ngày
dash-campaign-to = Đến ngày
dash-campaign-cap = Số tin tối đa mỗi hộ mỗi tuần
dash-campaign-communes-hint = Không chọn xã nào: chiến dịch chạy ở mọi xã.
dash-campaign-communes-required = Chọn ít nhất một xã trong phạm vi tài khoản.
dash-campaign-bad-dates = Ngày không hợp lệ: nhập theo dạng dd/mm/yyyy hoặc yyyy-mm-dd.
dash-campaign-preview = Xem trước chi phí
dash-campaign-recompute = Tính lại
dash-campaign-start = Bắt đầu chiến dịch
dash-campaign-estimate = Ước tính nếu không ai gia hạn
dash-estimate-households = Số hộ
dash-estimate-send-days = Số ngày gửi tin
dash-estimate-messages = Số tin tối đa
dash-estimate-sms = Trong đó tin SMS
dash-estimate-segments = Số phần SMS (tính phí)
dash-estimate-undeliverable = Hộ không liên lạc được
dash-campaign-window = Từ { $from } đến { $to }, tối đa { $cap } tin mỗi hộ mỗi tuần
dash-campaign-chart-title = { $unit } — độ bao phủ theo ngày
dash-campaign-chart-subtitle = Tỷ lệ người có thẻ BHYT cuối mỗi ngày của chiến dịch
dash-campaign-col-date = Ngày
dash-campaign-col-added = Tham gia mới
dash-campaign-col-insured = Có thẻ
dash-campaign-col-rate = Tỷ lệ bao phủ
dash-campaign-col-sent = Đã gửi
dash-campaign-col-delivered = Đã nhận
dash-campaign-col-failed = Thất bại
dash-campaign-ranking = Tiến độ các thôn so với chỉ tiêu (thấp nhất trước) — { $commune }
dash-campaign-outbox = Tin nhắn của chiến dịch
dash-campaign-no-messages = Chiến dịch chưa gửi tin nào.
dash-outbox-state = { $state ->
    [pending] Chờ gửi
    [sending] Đang gửi
    [sent] Đã gửi
    [delivered] Đã nhận
    [failed] Thất bại
    [dropped] Bỏ qua
   *[cancelled] Đã hủy
  }
dash-roster-pick = Chọn xã để xem danh sách thẻ sắp hết hạn và đã hết hạn.
dash-roster-title = Thẻ BHYT sắp hết hạn và đã hết hạn — { $unit }
dash-roster-summary = { $households } hộ, { $cards } thẻ (hết hạn trong 12 tháng qua hoặc trong 30 ngày tới), tính đến ngày { $date }.
dash-roster-none = Không có thẻ nào sắp hết hạn hay đã hết hạn.
dash-roster-commune-only = Danh sách thẻ được xem theo từng xã hoặc thôn: hãy chọn một xã.
dash-roster-filter = { $filter ->
    [expiring] Sắp hết hạn
    [expired] Đã hết hạn
   *[all] Tất cả
  }
dash-roster-status = { $status ->
    [expired] Hết hạn { $days } ngày
   *[expiring] Còn { $days } ngày
  }
roster-col-village-code = Mã thôn
roster-col-village = Thôn
roster-col-household = Mã hộ
roster-col-name = Họ tên (che)
roster-col-birth-year = Năm sinh
roster-col-group = Nhóm
roster-col-valid-to = Hạn thẻ
roster-col-status = Tình trạng
roster-col-days-left = Số ngày còn lại
dash-page-prev = ‹ Trang trước
dash-page-next = Trang sau ›
dash-page-of = Trang { $page }/{ $pages } ({ $total } dòng)
dash-revoke = Thu hồi
dash-not-open = Mục này không còn hiệu lực hoặc không thuộc phạm vi tài khoản.
dash-admin-officers = Cán bộ và mã mời
dash-admin-accounts = Tài khoản quản trị
dash-admin-import = Nhập đơn vị và chỉ tiêu
dash-admin-outbox = Hàng đợi gửi tin
dash-admin-audit = Nhật ký hoạt động
dash-admin-national-only = Hàng đợi gửi tin, nhật ký và nhập dữ liệu chỉ dành cho tài khoản cấp toàn quốc: các dòng này không gắn với đơn vị nào.
dash-dead-letters = Tin không gửi được
dash-dead-letters-none = Không có tin nào thất bại hay bị bỏ qua.
dash-dead-col-id = Mã
dash-dead-col-channel = Kênh
dash-dead-col-purpose = Loại tin
dash-dead-col-state = Trạng thái
dash-dead-col-attempts = Số lần thử
dash-dead-col-reason = Lý do
dash-dead-col-updated = Cập nhật
dash-dead-col-action = Thao tác
dash-dead-retry = Gửi lại
dash-dead-retried = Tin { $id } đã được đưa lại vào hàng đợi.
dash-dead-retry-refused = Tin này không gửi lại được: chỉ tin thất bại và chưa quá hạn mới gửi lại được.
dash-audit-action = Hoạt động
dash-audit-all = Tất cả
dash-audit-filter = Lọc
dash-audit-col-at = Thời điểm ({ $zone })
dash-audit-col-actor = Người thực hiện
dash-audit-col-action = Hoạt động
dash-audit-col-subject = Đối tượng
dash-audit-col-details = Chi tiết
dash-officer-col-name = Tên
dash-officer-col-role = Vai trò
dash-officer-col-commune = Xã
dash-officer-col-channels = Kênh
dash-officer-col-status = Trạng thái
dash-officer-role = { $role ->
    [collector] Cán bộ thôn
    [commune] Cán bộ xã
   *[viewer] Lãnh đạo (chỉ xem)
  }
dash-account-status = { $status ->
    [active] Đang hoạt động
   *[disabled] Đã khóa
  }
dash-invites-open = Mã mời còn hiệu lực
dash-invites-none = Không có mã mời nào đang mở.
dash-invite-col-role = Vai trò
dash-invite-col-commune = Xã
dash-invite-col-village = Thôn
dash-invite-col-by = Người tạo
dash-invite-col-expires = Hết hạn ({ $zone })
dash-invite-col-action = Thao tác
dash-invite-new = Tạo mã mời
dash-invite-no-village = (không gắn thôn)
dash-invite-create = Tạo mã mời
dash-invite-bad-role = Vai trò không hợp lệ.
dash-invite-created = Mã mời mới (chỉ hiện một lần, hết hạn { $expires } { $zone }):
dash-account-col-username = Tên đăng nhập
dash-account-col-scope = Phạm vi (mã đơn vị)
dash-account-col-status = Trạng thái
dash-account-col-action = Thao tác
dash-account-national = Toàn quốc
dash-account-disable = Khóa tài khoản
dash-account-new = Tạo tài khoản
dash-account-create = Tạo tài khoản
dash-account-scope-hint = Mã tỉnh, xã… mà tài khoản được xem (ví dụ 38-01-01). Để trống: toàn quốc (chỉ tài khoản toàn quốc được tạo).
dash-account-created = Đã tạo tài khoản { $username }.
dash-account-bad-username = Tên đăng nhập gồm 3–64 chữ cái không dấu, chữ số, dấu chấm, gạch ngang hoặc gạch dưới.
dash-account-short-password = Mật khẩu cần ít nhất { $min } ký tự.
dash-account-scope-outside = Phạm vi của tài khoản mới phải nằm trong phạm vi của tài khoản đang dùng.
dash-account-exists = Tên đăng nhập { $username } đã có.
dash-sessions = Phiên đăng nhập đang mở
dash-session-col-username = Tài khoản
dash-session-col-created = Đăng nhập lúc ({ $zone })
dash-session-col-seen = Hoạt động gần nhất ({ $zone })
dash-session-col-browser = Trình duyệt
dash-session-col-action = Thao tác
dash-try-intro = Trò chuyện với bot như người dân hoặc cán bộ của một xã, thôn, để trình diễn và tập huấn. Tin trả lời chỉ hiện ở đây, không gửi đi đâu.
dash-try-as = Nói với tư cách
dash-try-as-resident = Người dân
dash-try-as-officer = { $level ->
    [village] Cán bộ { $unit }
   *[other] Cán bộ { $unit }
  }
dash-try-as-code = Mã xã hoặc thôn (để trống hoặc "resident": người dân)
dash-try-message = Tin nhắn
dash-try-send = Gửi
dash-try-warning = Lưu ý: số liệu báo cáo ở đây được tính như báo cáo thật; gửi /huy để hủy báo cáo vừa gửi.
dash-try-empty = Hãy nhập tin nhắn.
dash-try-bad-unit = Không dùng được mã "{ $code }": cần một xã hoặc thôn trong phạm vi tài khoản.
dash-try-document = Tệp { $file } ({ $bytes } byte) — trên Telegram, bot gửi kèm tệp này.
import-upload-too-large = Tệp quá lớn: trang web nhận tệp tối đa { $mb } MB. Tệp lớn hơn hãy nhập bằng dòng lệnh (bhyt import).
import-held-gone = Bản xem trước này không còn (đã lưu, đã hủy hoặc quá 24 giờ). Hãy tải tệp lên lại.
dash-import-preview = Xem trước: { $file }
dash-import-would = Tệp hợp lệ: { $rows } dòng sẽ được ghi ({ $inserted } mới, { $updated } cập nhật). Chưa có gì được lưu.
dash-import-row = Dòng
dash-import-save = Lưu vào cơ sở dữ liệu
dash-import-discard = Hủy
dash-import-discarded = Đã hủy bản xem trước; không có gì được lưu.
dash-import-kind = Loại dữ liệu
dash-import-kind-name = { $kind ->
    [units] Đơn vị hành chính
   *[targets] Chỉ tiêu
  }
dash-import-file = Tệp (XLSX hoặc CSV)
dash-import-hint = Cùng định dạng với lệnh bhyt import: trang tính đầu tiên, dòng 1 là tên cột. Tệp được kiểm tra và xem trước, chỉ lưu khi bấm Lưu.
dash-import-check = Kiểm tra và xem trước
dash-import-no-file = Hãy chọn một tệp XLSX hoặc CSV.

## Tally rollups (bhyt tally rebuild-rollups)
cli-help-tally-rebuild-rollups = Tính lại bảng tổng hợp tiến độ từ các báo cáo số liệu (một bước, toàn bộ hoặc không); chỉ cần khi cơ sở dữ liệu bị sửa tay hoặc khôi phục một phần.
cli-tally-rollups-rebuilt = Đã tính lại { $rows } dòng tổng hợp tiến độ.

## Retention of bookkeeping (bhyt db purge-old-records)
cli-help-db-purge-old-records = Xóa dữ liệu sổ sách cũ: mã tin đến đã xử lý (sau 7 ngày), tin đã gửi xong cũ hơn OUTBOX_RETENTION_DAYS ngày (mặc định 180, tối thiểu 30) kèm các lần gửi, mã theo dõi ZNS (sau 30 ngày). Số liệu, danh sách thẻ và nhật ký kiểm tra được giữ.
cli-purged-old-records = Đã xóa { $updates } mã tin đến, { $outbox } tin đã gửi xong cũ hơn { $days } ngày và { $zns } mã theo dõi ZNS.

## Dashboard accounts (bhyt admin, the change-password page)
cli-help-admin-create = Tạo tài khoản trang quản trị; --scope giới hạn ở một tỉnh, xã… (để trống: toàn quốc). Mật khẩu được tạo ngẫu nhiên và chỉ hiện một lần, hoặc đọc từ đầu vào chuẩn với --password-stdin.
cli-help-admin-reset-password = Đặt lại mật khẩu một tài khoản trang quản trị và đăng xuất mọi phiên của tài khoản đó. Mật khẩu mới được tạo ngẫu nhiên và chỉ hiện một lần, hoặc đọc từ đầu vào chuẩn với --password-stdin; --enable mở khóa tài khoản đã bị khóa.
cli-help-admin-list = Liệt kê tài khoản trang quản trị: tên đăng nhập, phạm vi, trạng thái, lần đăng nhập gần nhất.
cli-admin-created = Đã tạo tài khoản { $username }, phạm vi: { $scope }.
cli-admin-password-reset = Đã đặt lại mật khẩu tài khoản { $username }; { $sessions } phiên đăng nhập đã bị đóng.
cli-admin-password-once = Mật khẩu của { $username } (chỉ hiện một lần, không lưu ở nơi nào khác):
cli-admin-still-disabled = Tài khoản này đang bị khóa: thêm --enable để mở khóa.
cli-admin-line = { $username } | { $scope } | { $status } | đăng nhập gần nhất: { $lastSignIn }
cli-admin-never = chưa đăng nhập
cli-admin-none = Chưa có tài khoản nào: npm start tạo tài khoản đầu tiên, hoặc chạy bhyt admin create <tên>.
cli-admin-scope-ambiguous = Nhiều tỉnh có đơn vị "{ $query }" (cơ sở dữ liệu { $shards }): ghi mã đơn vị.
cli-admin-stdin-tty = --password-stdin đọc mật khẩu từ đầu vào chuẩn, không từ bàn phím: ví dụ printf '%s\n' "$MAT_KHAU" | npx bhyt admin reset-password admin --password-stdin
cli-admin-stdin-empty = Đầu vào chuẩn không có mật khẩu (dòng đầu trống).
account-not-found = Không có tài khoản { $username }. Xem các tài khoản: npx bhyt admin list
account-password-too-long = Mật khẩu dài tối đa { $max } ký tự.
account-password-wrong-current = Mật khẩu hiện tại không đúng.
account-password-mismatch = Hai lần nhập mật khẩu mới không khớp nhau.
account-password-unchanged = Mật khẩu mới phải khác mật khẩu hiện tại.
account-password-title = Đổi mật khẩu
account-password-intro = Sau khi đổi, các phiên đăng nhập khác của tài khoản này (trên máy khác, trình duyệt khác) sẽ bị đăng xuất; phiên này vẫn giữ.
account-password-current = Mật khẩu hiện tại
account-password-new = Mật khẩu mới (ít nhất { $min } ký tự)
account-password-confirm = Nhập lại mật khẩu mới
account-password-submit = Đổi mật khẩu
account-password-changed = Đã đổi mật khẩu. { $sessions } phiên đăng nhập khác đã bị đăng xuất.
