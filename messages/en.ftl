## General
app-name = Universal health insurance assistant
error-internal = Something went wrong on our side. Please try again later.
error-bad-request = Invalid request: { $detail }

## Administrative units
unit-not-found = No unit matches "{ $query }".
unit-ambiguous = "{ $query }" matches several units: { $candidates }. Use the unit code.
unit-level-province = Province/city
unit-level-district = District (historical)
unit-level-commune = Commune/ward
unit-level-village = Village/residential group

## Targets
targets-none = { $unit } has no targets for { $year }.
targets-heading = Targets for { $year }: { $unit }
target-line = { $name }: { $target } / { $population } people ({ $rate } %)
target-line-rate-only = { $name }: { $rate } %
target-deadline = due { $deadline }

## Imports
import-file-not-found = File { $file } not found.
import-file-unsupported = Cannot read { $file }: only CSV and XLSX are accepted.
import-file-unreadable = Cannot read { $file }: { $detail }
import-missing-columns = Missing required columns: { $columns }.
import-empty = The file has no data rows.
import-failed = Import failed: { $count } rows have errors. Nothing was written.
import-done = Imported { $rows } rows ({ $inserted } new, { $updated } updated).
import-row-error = Row { $row }: { $message }
import-warning = Warning, row { $row }: { $message }
import-more-errors = … and { $count } more errors.
row-required = { $column } is missing
row-bad-level = level "{ $value }" is not valid (province, district, commune, village)
row-bad-code = code "{ $value }" is not valid
row-bad-integer = { $column } "{ $value }" must be a whole number, not negative
row-bad-rate = { $column } "{ $value }" must be a rate between 0 and 100
row-bad-year = year "{ $value }" is not valid
row-bad-date = date "{ $value }" is not valid (dd/mm/yyyy or yyyy-mm-dd)
row-duplicate = duplicates row { $other }
row-unknown-parent = no parent unit with code "{ $value }"
row-parent-level = parent unit "{ $value }" must be at a higher level
row-unknown-replacement = no replacing unit with code "{ $value }"
row-unknown-unit = no unit with code "{ $value }"
row-unknown-group = no participant group "{ $value }"
row-unknown-indicator = no indicator "{ $value }"
row-target-missing = target_count or target_rate is needed
row-target-above-population = target { $target } exceeds population { $population }
warn-rate-mismatch = printed rate { $printed } % differs from { $count }/{ $population } = { $computed } %
warn-zero-population = population is zero

## Demo data
demo-seeded = Demo data loaded: { $units } units, { $targets } targets, { $people } people on the (synthetic) card roster.
demo-already = The database already has data; demo data not loaded again.

## Command line
cli-usage = Usage: bhyt <command> [options] — run "bhyt help" for the commands.
cli-unknown-command = Unknown command "{ $command }".
cli-bad-option = Invalid option: { $detail }
cli-migrated = Database { $path } is up to date.
cli-missing-argument = Missing { $name }.
cli-help-db-migrate = Create or update the database schema (DATABASE_PATH).
cli-help-db-seed-demo = Load demo data from the plans (Lai Châu, Ngọc Phụng, Đức Cơ, Kon Rẫy) and a synthetic card roster.
cli-help-import-units = Import administrative units from CSV/XLSX: code,name,level,parent_code (or Mã,Tên,Cấp,Mã cấp trên).
cli-help-import-targets = Import targets from CSV/XLSX: unit_code,year,population,target_count (+ target_rate, group_code, indicator, deadline).
cli-help-units-list = List administrative units as a tree.
cli-help-targets-show = Show a unit's targets and those of the units directly under it.
cli-help-global = Common options: --json (the last line is one JSON object), --lang vi|en, --help.

## Tally reports
tally-summary = { $date } — { $units }
tally-summary-unit = { $unit }: { $entries }
tally-summary-entry = { $group } { $count }
tally-confirm-unit = Please confirm which village "{ $text }" means: { $options }. Nothing is saved until you confirm.
tally-too-long = The message is too long ({ $length } characters, at most { $max }). Send one short report per message.
tally-not-a-report = No figures found in this message. Write it like this: { $village } GD 12 HS 3 (village, participant group, number of people).
tally-unknown-unit = There is no village "{ $text }" in the list. Villages: { $villages }.
tally-missing-unit = The message does not name a village. Villages: { $villages }.
tally-out-of-scope = { $unit } is not one of your villages. Your villages: { $villages }.
tally-unknown-group = Unknown participant group "{ $text }". Groups: { $groups }.
tally-missing-group = The number { $count } has no participant group. Groups: { $groups }.
tally-missing-count = Group { $group } has no number of people.
tally-bad-count = The number of people for group { $group } must be a whole number, not "{ $text }".
tally-bad-number = "{ $text }" is not a valid number of people: use a whole number, not negative.
tally-negative-count = The number of people for group { $group } cannot be negative ({ $text }).
tally-unit-without-count = { $unit } has no figures. Write the group and the number after the village, e.g. GD 12.
tally-above-population = { $unit }: { $count } people reported, more than its population ({ $population }). Please check.
tally-future-date = { $date } has not come yet; reports cannot be made in advance.
tally-bad-date = "{ $text }" is not a valid date. Write day/month, e.g. 20/11.
tally-two-dates = One message reports one day, but this one has both "{ $first }" and "{ $second }".
tally-too-old = { $date } is more than { $days } days ago. Ask a commune officer to enter older figures.
tally-duplicate-entry = { $unit } has group { $group } twice in one message. Please add them up and send one number.
cli-help-tally-parse = Read a tally message exactly as the bot will (nothing is saved).

## Officers and invites
officer-role-collector = village data collector
officer-role-commune = commune officer
officer-role-viewer = leader (view only)
invite-created = Invite code { $code } ({ $role }, { $scope }), single use, expires on { $expires }. The officer sends "/start { $code }" or just the code to the bot.
invite-scope-not-commune = { $unit } is not a commune or ward: invites are issued per commune.
invite-collector-needs-village = A data collector must be given a village (--unit).
invite-village-outside-commune = { $unit } is not in { $commune }.
invite-invalid = That invite code is not valid. Please check it or ask the commune officer for a new one.
invite-expired = That invite code has expired. Please ask the commune officer for a new one.
invite-used = That invite code has already been used. Each code works once; please ask for a new one.
cli-help-officer-invite = Create a single-use invite code for a commune's officer (collector, commune officer, leader).

## Undoing a report
tally-undo-no-report = You have no report to undo.
tally-undo-too-old = Only reports sent in the last { $hours } hours can be undone. To fix an older figure, send the right figure again and choose "Replace".
tally-undo-nothing-active = Your latest report has already been undone or replaced.

## Conversation with officers
conv-welcome-guest = Hello! This is the commune's universal health insurance assistant. If you are an officer, send the invite code the commune officer gave you.
conv-not-registered = You are not registered as a reporting officer yet. Send the invite code from the commune officer (for example ABCD-EFGH).
conv-welcome-officer = Welcome: you are a { $role } of { $commune } commune. Send today's BHYT enrolments like this: Xuân Thành GD 12 HS 3. Commands: /tiendo progress, /huy undo the last report, /sua how to correct a figure.
conv-report-help = Send one message with the village, the participant group and the number of people, e.g. "Xuân Thành GD 12 HS 3". You may start with a date: "hôm qua ..." (yesterday) or "20/11 ...".
conv-correct-help = To correct a figure, send the right figure again for the same village, group and date (e.g. "20/11 Xuân Thành GD 10") and choose "Replace". To undo the report you just sent, use /huy.
conv-unknown-command = The bot does not know the command { $command }. Commands: /tiendo, /huy, /sua, /trogiup.
conv-viewer-cannot-report = Your account can view progress (/tiendo) but not send figures.
conv-stale-question = That question has expired. Please send the report again.
conv-button-add = Add to it
conv-button-replace = Replace
conv-button-cancel = Cancel
conv-tally-cancelled = Cancelled; nothing was saved.
conv-tally-pick-village = Which village is "{ $text }"?
conv-tally-existing = { $unit }, group { $group }, on { $date } already has { $total } people; this report: { $count }.
conv-tally-add-or-replace = Add to the earlier figure or replace it?
conv-tally-saved = Recorded: { $summary }
conv-tally-replaced = Replaced the earlier figure: { $summary }
conv-progress-line = { $unit }: { $insured }/{ $target } ({ $rate } %) — { $gap } people to go
conv-progress-reached = { $unit }: { $insured }/{ $target } ({ $rate } %) — target reached
conv-progress-no-target = { $unit }: { $insured } people enrolled (no target for this year yet)
conv-progress-period = Today { $today }, this month { $month }, year to date { $year } people.
conv-undone = Undid the report of { $date }: { $items }.
conv-undo-restored = Earlier figures restored: { $items }.
conv-no-villages = You have not been given a village yet. Please contact the commune officer.
conv-ranking-heading = BHYT progress { $year } — { $commune }
conv-ranking-line = { $rank }. { $line } { $silent }
conv-ranking-silent = (no report today)

## Trying the bot
cli-help-chat = Chat with the bot locally (no Telegram needed) as a Telegram account or a phone number.
cli-chat-intro = Chatting as { $channel } { $id }. Type a message and press Enter; Ctrl+D to quit.

## Outbox (reminders and replies waiting to be sent)
cli-help-outbox-status = Show how many outbox messages are in each state, overall and per channel.
cli-outbox-empty = The outbox is empty.
cli-outbox-total = All channels: { $counts }
cli-outbox-channel = { $channel }: { $counts }
outbox-state-pending = waiting
outbox-state-sending = sending
outbox-state-sent = sent
outbox-state-delivered = delivered
outbox-state-failed = failed
outbox-state-dropped = dropped (too late)
outbox-state-cancelled = cancelled
