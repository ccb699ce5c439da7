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

## Card roster import (bhyt import cards)
# Errors about personal numbers (BHXH number, personal ID, card code, phone, date of birth)
# name the column, never the value: terminals and logs are no place for personal data.
card-column = { $column ->
    [full_name] full name (full_name)
    [date_of_birth] date of birth (date_of_birth)
    [gender] gender (gender)
    [bhxh_number] BHXH number (bhxh_number)
    [card_code] card code (card_code)
    [id_number] personal ID number (id_number)
    [phone] phone (phone)
    [valid_from] card valid from (valid_from)
    [valid_to] card valid to (valid_to)
    [village] village (village)
    [household_id] household code (household_id)
    [group_code] group code (group_code)
    [registered_facility] registered facility (registered_facility)
    [five_year_date] five-year continuity date (five_year_date)
   *[other] { $column }
}
row-card-required = { card-column } is missing
row-card-no-identifier = a BHXH number (or card code) or a personal ID number is needed
row-card-bad-number = { card-column } must have exactly { $digits } digits (a numeric Excel column drops leading zeros: format it as text)
row-card-bad-card-code = { card-column } is not a card code (15 characters such as GD4 38 + 10 digits, or 10 digits)
row-card-bhxh-mismatch = the BHXH number inside the card code differs from the BHXH number column
row-card-bad-date = { card-column } is not a valid date (dd/mm/yyyy or yyyy-mm-dd)
row-card-valid-to-before-from = card valid to is before card valid from
row-card-bad-gender = gender "{ $value }" is not valid (Nam, Nữ, male, female)
row-card-bad-phone = { card-column } is not a Vietnamese mobile number
row-card-unknown-village = no village "{ $value }" in the commune
row-card-ambiguous-village = "{ $value }" matches several villages: { $candidates }. Use the village code or give the commune (--commune)
row-card-duplicate-person = same { card-column } as row { $other }
row-card-same-person = the same person on record as row { $other }
row-card-person-conflict = the BHXH number and the personal ID belong to two different people on record
warn-card-group-differs = group code differs from the group in the card code; the group code column was used
warn-card-shortened = the card ends earlier than the card on record; the file's date was used
import-cards-done = Imported { $rows } rows: { $peopleCreated } new people, { $peopleUpdated } updated; { $cardsCreated } new cards, { $cardsUpdated } updated ({ $renewed } renewed); { $households } new households; { $reminders } reminders cancelled.
cli-help-import-cards = Import a BHYT card roster from CSV/XLSX (Họ và tên, Mã số BHXH, Số CCCD, Mã thẻ, Hạn thẻ, Thôn/Tổ… or full_name, bhxh_number, id_number, card_code, valid_to, village…). With --commune the village may be a name or a code; without it, a village code (or a name unique in the database). Personal numbers are encrypted; re-importing updates, never duplicates.
