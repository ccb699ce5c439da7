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
row-not-a-commune = unit "{ $value }" is not a commune
row-bad-commune-status = commune status "{ $value }" not understood (poor, ethnic_minority_disadvantaged, no_longer_disadvantaged, or xã nghèo, đặc biệt khó khăn, khu vực III)
row-dates-reversed = end date { $to } is before start date { $from }
row-unknown-group = no participant group "{ $value }"
row-unknown-indicator = no indicator "{ $value }"
row-target-missing = target_count or target_rate is needed
row-target-above-population = target { $target } exceeds population { $population }
warn-rate-mismatch = printed rate { $printed } % differs from { $count }/{ $population } = { $computed } %
warn-zero-population = population is zero

## Demo data
demo-seeded = Demo data loaded: { $units } units, { $targets } targets, { $people } people on the (synthetic) card roster.
demo-already = The database already has data; demo data not loaded again.
cli-help-d1-seed-demo = Load demo data and create the first dashboard account in the local D1 of `npm run dev:worker` (keys from .dev.vars).
d1-local-only = Only the local D1 is supported: add --local. Demo data never goes into a real D1.
d1-no-keys = DATA_ENCRYPTION_KEY or BLIND_INDEX_KEY is missing from .dev.vars (make one with: openssl rand -base64 32). The Worker opens personal data with these same keys.
d1-not-migrated = The local D1 has no schema yet: run `npm run db:migrate:local` first.
d1-admin-generated = Dashboard account { $username } created, password: { $password }
    This is the only time the password is shown; sign in and change it.
d1-admin-created = Dashboard account { $username } created with ADMIN_PASSWORD from .dev.vars.
d1-admin-exists = A dashboard account already exists; none created.

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
cli-help-import-commune-statuses = Import commune statuses from CSV/XLSX: unit_code,status,valid_from,source (+ valid_to); status is poor/xã nghèo, ethnic_minority_disadvantaged/đặc biệt khó khăn/khu vực III, or no_longer_disadvantaged. Every row must name its deciding document.
cli-help-units-list = List administrative units as a tree.
cli-help-units-statuses = List communes' statuses (poor commune, ethnic-minority area…) over time with the deciding document; the status sets the state's share of BHYT contributions.
commune-statuses-none = No commune status is recorded. Import a list with: bhyt import commune-statuses FILE
commune-status-line = { $unit }: { $status }, from { $from } to { $to } — { $source }
commune-status-line-demo = { $unit }: { $status }, from { $from } to { $to } — { $source } (demo data)
cli-help-targets-show = Show a unit's targets and those of the units directly under it.
cli-help-global = Common options: --json (the last line is one JSON object), --lang vi|en, --help.
cli-help-shards-list = List the province databases (SHARDING=province): file, size, cards and the unit codes assigned to each.
cli-help-shards-assign = Assign the units whose code starts with <unit code> to a part of a split province (e.g. 79-01 79_2). Assign only once the data is in that part.
cli-help-shards-migrate = Create or update the schema of every province database and the national one; --workers prints the wrangler commands for D1.
cli-help-shards-report = Figures per province from the national database (latest day, or --day), without reading the province databases.
cli-shards-single = This command needs SHARDING=province; there is only one database: { $path }.
cli-shards-row = { $shard }: { $file }, { $megabytes } MB, { $cards } cards, unit codes assigned: { $prefixes }
cli-shards-national = National database: { $file }, { $megabytes } MB.
cli-shards-assigned = Units { $prefix } are now assigned to database { $shard }.
cli-shards-migrated = Updated the schema of { $count } databases in { $dir }.
cli-shards-workers-migrate = On Cloudflare Workers, run these from the deploy machine:
cli-shards-report-row = Province { $province }, { $day }: { $cards } cards, { $valid } valid, { $expiring } ending within 30 days, { $enrolments } enrolments reported, { $sent } messages sent, { $failed } failed.
cli-shards-report-empty = No roll-ups yet: each province writes the previous day's figures in the morning.
cli-help-shards-move = Move a province's database file to <file> (SHARDING=province, server stopped): a checked copy (rows and checksum per table), then the shard's path points at the copy; the original is kept. Without --confirm, prints the plan.
cli-shards-move-plan = Plan: copy database { $shard } from { $source } to { $target }, check every table, then switch. Tables and rows:
cli-shards-confirm-hint = Nothing was changed. Run again with --confirm to do it.
cli-shards-target-exists = { $path } already exists: choose a new file (nothing is overwritten).
cli-shards-copy-mismatch = The copy differs from the original in: { $tables }. The copy was deleted and nothing switched.
cli-shards-moved = Database { $shard } now uses { $target } ({ $tables } tables checked); the original is kept at { $kept }.
cli-help-d1-move = Move a D1 database to a new one: rewrite its `wrangler d1 export` file (--export) as --out, loadable into an empty D1 database (every table created before any row), and check the two files hold the same rows, table by table.
cli-d1-move-done = Wrote { $out }: { $tables } tables, { $rows } rows, identical to the export. Next: wrangler d1 create <new name>, wrangler d1 execute <new name> --remote --file { $out }, change the binding's database_id in wrangler.toml, then wrangler deploy. The old database stays as it was.
cli-help-d1-split = Split a province's D1 database (Workers) through export files: load the `wrangler d1 export` of <shard> (--export) and of the national database (--national), split and check as `bhyt shards split` does, then write into --out each part as a SQL file for a new, empty D1 database, with national.sql (the new assignments). The old D1 database is not touched. Without --confirm, prints the plan.
cli-d1-split-too-long = Table { $tables } has rows longer than D1 takes in one statement (100,000 bytes): nothing was split. Delete or shrink those rows (usually attachments of finished outbox messages) and export again.
cli-d1-split-done = Split { $from }: { $units } units ({ $prefix }), { $rows } rows to part { $into }; { $tables } tables checked and each file loaded back. Next steps (in a maintenance window, webhooks paused):
    1. wrangler d1 create for part { $into } and part { $rest } (new, empty databases), then wrangler d1 execute <name> --remote --file { $intoFile } and --file { $restFile }.
    2. wrangler d1 execute <national database> --remote --file { $nationalFile }.
    3. In wrangler.toml: bindings DB_P{ $into } and DB_P{ $rest } pointing at the new databases, SHARDS listing both parts; wrangler deploy. The old database stays as it was, to return to if needed.
cli-help-shards-split = Split database <shard> (SHARDING=province, server stopped; a whole province needs --rest <part> for the units that stay): the units under --prefix, and every row keyed to them, move to part --into (its file, or --to <file>); both copies are pruned and checked against the original before the switch, then the prefixes are assigned. Without --confirm, prints the plan.
cli-shards-split-plan = Plan: units { $prefix } ({ $units } units) leave part { $from } ({ $source }) for part { $into } ({ $target }); every other row stays. Tables (rows that move → rows that stay; "=": the same in both parts):
cli-shards-split-parts = Cannot split { $from } into { $into } by { $prefix }: both must be different parts of one province (e.g. 79_1 and 79_2) and the units must belong to it. A whole-province database is split with --rest <part> for the units that stay.
cli-shards-split-nothing = No unit of part { $from } would move with { $prefix }: nothing was split.
cli-shards-split-elsewhere = { $count } units would stay in { $shard } although their assignment sends them to another part ({ $codes }…): fix the assignments first (bhyt shards assign). Nothing was split.
cli-shards-split-unruled = No split rule for the tables { $tables } (src/cli/commands/shard-split-rules.ts): nothing was split.
cli-shards-split-mismatch = The two parts do not add up to the original: { $tables }. The copies were deleted; nothing switched.
cli-shards-split-dangling = After the split, rows of one part would point at rows of the other: { $links }. Choose prefixes along these links. The copies were deleted; nothing switched.
cli-shards-target-not-empty = Database { $shard } ({ $path }) already holds data: nothing was copied.
cli-shards-split-done = Part { $into } ({ $target }) now holds units { $prefix } ({ $units } units, { $rows } rows); part { $from } keeps the rest ({ $tables } tables checked); { $identities } senders now go to { $into }. The original is kept at { $kept }.
cli-shards-split-whole-done = Database { $from } is no longer used: in SHARDS (and DEFAULT_SHARD), replace { $from } by { $parts } before starting the server.

## Tally reports
tally-summary = { $date } — { $units }
tally-summary-unit = { $unit }: { $entries }
tally-summary-entry = { $group } { $count }
tally-summary-entry-renewal = { $group } renewed { $count } (not counted as new participants)
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
tally-above-population-total = { $unit } has { $insured } people insured; saving this report would make { $after }, more than its population ({ $population }). Nothing was saved. Please check.
tally-future-date = { $date } has not come yet; reports cannot be made in advance.
tally-date-needs-year = "{ $text }" is more than { $days } days from today. So that the year is not guessed wrong, send it again with the year, for example { $date }.
tally-date-last-year = Is "{ $text }" a date of last year? So that the year is not guessed wrong, send it again with the year: { $date }.
tally-date-not-this-year = { $year } has no "{ $text }". Send it again with the year, for example { $date }.
tally-date-needs-year-ask = "{ $text }" is more than { $days } days from today: do you mean { $date }? If not, send it again with the year.
tally-date-last-year-ask = Is "{ $text }" { $date }, last year? If not, send it again with the year.
tally-date-not-this-year-ask = { $year } has no "{ $text }": do you mean { $date }? If not, send it again with the year.
tally-future-date-yearless = "{ $text }" this year is { $date }, which has not come yet. If you meant last year, send it again with the year: { $lastYear }.
tally-future-date-yearless-window = "{ $text }" this year is { $date }, which has not come yet. You can report for days from { $from } to today (for today, send it again without a date); ask a commune officer to enter older figures.
tally-date-outside-window = "{ $text }" is not within the last { $days } days. You can report for days from { $from } to today (for today, send it again without a date); ask a commune officer to enter older figures.
tally-ambiguous-group = "{ $text }" covers two groups: { $groups }. Send each group separately, e.g. HS 3 SV 2.
tally-ambiguous-kind = It is not clear whether "{ $text }" is for { $before } or for the figures after it. Send it again with "{ $text }" before its figures, for example: { $text } { $before }.
tally-lapsed-not-recorded = The bot does not record people who left ("{ $text }"): a report holds new participants and renewals only. Send those again, and give the number who left to the commune officer.
tally-bad-date = "{ $text }" is not a valid date. Write day/month, e.g. 20/11.
tally-two-dates = One message reports one day, but this one has both "{ $first }" and "{ $second }".
tally-too-old = { $date } is more than { $days } days ago. Ask a commune officer to enter older figures.
tally-duplicate-entry = { $unit } has group { $group } twice in one message. Please add them up and send one number.
cli-help-tally-parse = Read a tally message exactly as the bot will (nothing is saved).
cli-help-card-status = Check a BHYT card's status as the bot does (date of birth required; an unknown card and a wrong date of birth get the same answer).
cli-help-reminders-plan = Plan card renewal reminders (30, 7, 1 days before and 3 days after expiry), one message per household; --dry-run only counts.
cli-reminders-planned = Queued { $due } reminders ({ $undeliverable } with no channel to deliver them); skipped { $autoRenew } cards renewed by the state, BHXH or employers and { $optedOut } cards whose holders opted out.
cli-reminders-dry-run = Reminders due: { $due } ({ $undeliverable } with no channel to deliver them); skipped { $autoRenew } auto-renewed cards and { $optedOut } opted out. Nothing saved (--dry-run).
cli-card-status = Card { $status }, valid to { $to }, benefit code { $level }, the fund pays { $percent }%.
cli-card-status-valid = valid
cli-card-status-expiring = expiring
cli-card-status-expired = expired
cli-card-status-not_yet_valid = not valid yet

## Officers and invites
officer-role-collector = village officer
officer-role-commune = commune officer
officer-role-viewer = leader (view only)
invite-created = Invite code { $code } ({ $role }, { $scope }), single use, expires on { $expires }. The officer sends "/start { $code }" or just the code to the bot.
invite-scope-not-commune = { $unit } is not a commune or ward: invites are issued per commune.
invite-collector-needs-village = A village officer must be given a village (--unit).
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
conv-welcome-officer = Hello, you are a { $role } of { $commune } commune. Send today's enrolments like this: Xuân Thành GD 12 HS 3, or use /baocao to be guided step by step. Commands: /tiendo progress, /sua correct a figure, /huy undo your last report, /danhsach door-to-door list, /lienket report by SMS, /ngonngu change language.
conv-correct-help-sms = To correct a figure, send SUA with the right figure for the same village, group and date, e.g. SUA 20/11 Xuân Thành GD 10. The new figure replaces the old one. To undo the report you just sent, send HUY.
conv-correct-help = To correct a figure, send /sua with the right figure for the same village, group and date, e.g. /sua 20/11 Xuân Thành GD 10. The new figure replaces the old one. To undo the report you just sent, use /huy.
conv-unknown-command = The bot does not know the command { $command }. Commands: /tiendo, /huy, /sua, /trogiup.
conv-welcome-officer-sms = Hello, { $role } of { $commune } commune. Text today's figures like this: Xuân Thành GD 12 HS 3. Commands (no slash needed): BAOCAO step-by-step report, TIENDO progress, SUA correct a figure, HUY undo your last report, DANHSACH door-to-door list, NGONNGU language, TROGIUP help.
conv-unknown-command-sms = Unknown command { $command }. Commands: BAOCAO, TIENDO, SUA, HUY, DANHSACH, TROGIUP.
conv-viewer-cannot-report = Your account can view progress (/tiendo) but not send figures.
conv-stale-question = That question has expired. Please send the report again.
conv-internal-error = Sorry, something went wrong with this message. Please try again in a few minutes.
conv-button-add = Add to it
conv-button-replace = Replace
conv-button-cancel = Cancel
conv-button-confirm-date = Yes, { $date }
conv-tally-cancelled = Cancelled; nothing was saved.
conv-tally-pick-village = Which village is "{ $text }"?
conv-tally-existing = { $unit }, group { $group }, on { $date } already has { $total } people; this report: { $count }.
conv-tally-add-or-replace = Add to the earlier figure or replace it?
conv-tally-saved = Recorded: { $summary }
conv-tally-replaced = Replaced the earlier figure: { $summary }
conv-progress-line = { $unit }: { $insured }/{ $target } people, { $rate } % of the target — { $gap } people to go
conv-progress-reached = { $unit }: { $insured }/{ $target } people, { $rate } % of the target — target reached
conv-progress-no-target = { $unit }: { $insured } people enrolled (no target for this year yet)
conv-progress-latest-target = No target for { $year } yet; the latest is for { $latest } (dashboard: ?year={ $latest }). Ask the administrator to import { $year }'s targets.
conv-progress-no-plan = No target for { $year } and no plan of any year yet. Ask the administrator to import targets (bhyt import targets).
conv-progress-period = New participants: today { $today }, this month { $month }, year to date { $year }.
progress-coverage-rate = Coverage { $rate } % of the population
progress-coverage-count = { $insured } enrolled (no population to work out coverage)
progress-sum-baseline = baseline { $baseline } + { $added } new
progress-sum-new-only = { $added } new this year (no baseline yet)
progress-sum-net = baseline { $baseline } + { $added } new − { $lapsed } lapsed ({ $direction ->
        [down] net loss { $net }
       *[up] net gain { $net }
    })
progress-lapse-no-roster = no card roster yet, so lapsed cards are not subtracted
progress-lapse-no-baseline = lapsed cards not subtracted
progress-renewals = { $renewals } renewals counted apart
conv-undone = Undid the report of { $date }: { $items }.
conv-undo-restored = Earlier figures restored: { $items }.
conv-no-villages = You have not been given a village yet. Please contact the commune officer.
conv-ranking-heading = BHYT progress { $year } — { $commune }
conv-ranking-line = { $rank }. { $line } { $silent }
conv-ranking-silent = (no report today)
conv-ranking-order = Villages, starting with the furthest from its target:
conv-ranking-order-sms = Villages, starting with the furthest from its target (% of target, people to go):
conv-ranking-line-sms = { $rank }. { $unit }: { $rate } %, { $gap } to go { $silent }
conv-ranking-line-sms-reached = { $rank }. { $unit }: { $rate } %, reached { $silent }
conv-ranking-line-sms-no-target = { $rank }. { $unit }: { $insured } people, no target yet { $silent }
conv-ranking-silent-sms = (no report today)
conv-ranking-more-sms = { $count } more villages, nearer their target (or without one), did not fit in this message.
chart-title = BHYT progress, { $unit } — { $year }
chart-subtitle = Share of residents with a BHYT card; the vertical mark is the target
chart-no-data = no data yet
chart-no-target = no target
chart-legend-reached = Target reached
chart-legend-below = Below target
chart-legend-target = Target
nudge-collector = No BHYT report yet today for { $villages }. Send figures like: { $example } GD 12 HS 3, or "{ $example } GD 0" if nobody enrolled.
summary-heading = Summary for { $date } — { $commune }
summary-reported = { $count }/{ $total } villages reported, { $people } new participants today.
summary-silent = Not reported: { $villages }.
summary-all-reported = Every village has reported.
conv-report-ask-village = Which village is this report for?
conv-report-ask-group = { $unit }: which participant group?
conv-report-ask-count = { $unit }, group { $group }: how many people enrolled today? Send a number, e.g. 12.
conv-report-confirm = Save { $unit }, group { $group }: { $count } people on { $date }?
conv-button-save = Save
conv-language-help = Send /ngonngu vi (Vietnamese) or /ngonngu en (English). Languages: { $locales }.
conv-language-set = Language set to English.
conv-link-code = To report by SMS, text { $code } from your phone to the commune's SMS number within { $hours } hour(s). That phone can then report as this account does.
conv-link-already-sms = This phone is already linked for SMS reports.
group-short-GD = Household
group-short-HS = School pupils
group-short-SV = Students
group-short-TE = Children under 6
group-short-CN = Near-poor
group-short-HN = Poor households
group-short-DT = Ethnic minorities
group-short-GB = Average-income farming households
group-short-BHXHTN = Voluntary social insurance
group-short-HT = Pensioners and incapacity allowance
group-short-BT = Social assistance recipients
## Residents: card look-up, reminders, consent
resident-welcome-sms = Hello! This is the commune's health insurance (BHYT) assistant. To check a BHYT card, send the card code (15 characters), the BHXH number (10 digits) or the personal ID number (12 digits). To see what renewal costs, send PHI and the number of household members, e.g. PHI 3. Commune and village officers: send your invite code to register.
resident-welcome = Hello! This is the commune's health insurance (BHYT) assistant. To check a BHYT card, send the card code (15 characters), the BHXH number (10 digits) or the personal ID number (12 digits). To see what renewal costs, send /phi and the number of household members, e.g. /phi 3. Commune and village officers: send your invite code to register.
resident-ask-dob = To protect your data, please send the card holder's date of birth (day/month/year, e.g. 05/09/1980).
resident-bad-dob = That date of birth could not be read. Please send it as day/month/year, e.g. 05/09/1980.
resident-not-verified = No card matches that number and date of birth. Please check them, or ask your village or commune officer.
resident-cooling-down = Too many unsuccessful look-ups. Please try again in an hour, or ask your village or commune officer for help.
resident-bad-identifier = "{ $text }" is not a BHYT card code (15 characters), a BHXH number (10 digits) or a personal ID number (12 digits).
resident-card-heading = BHYT card of { $name } (group { $group })
resident-card-validity = Valid from { $from } to { $to }
resident-status-valid = Status: valid.
resident-status-expiring = Status: expiring, { $days } days left.
resident-status-expired = Status: expired { $days } days ago.
resident-status-not-yet-valid = Status: paid, but not valid yet; the card is valid from { $date } ({ $wait }-day wait after payment, for a first enrolment or a gap of 90 days or more). Care before that date is not covered.
resident-status-last-day = Status: today is the card's last valid day.
resident-renew-self-today = The participant renews this card. Today is its last valid day: pay today so the new card follows on. After a gap of 90 days or more, a new card is valid only { $wait } days after payment.
resident-renew-school = Pupils and students renew their card through their school (by school year), not with the household. Ask the school for the payment deadline.
resident-child-card-ends = The state pays for a child's card until the child is 72 months old (this card ends on { $to }). After that the state stops paying and the card is not renewed automatically: enrol the child through school (as a pupil) or the household scheme before the card ends.
resident-where-to-pay = Where to pay: a BHYT collection agent in the commune or village, or online through VssID, VNeID or the National Public Service Portal. The commune People's Committee does not collect payments.
resident-benefit-recoded = The card prints benefit code { $printed }, but the rules in force apply code { $level } (the fund pays { $percent }%).
resident-facility = Registered primary care facility: { $facility }
resident-five-years-from = Five consecutive years of cover from { $date }.
resident-five-years-reached = Five consecutive years of cover reached (since { $date }): once your co-payments in a year exceed 6 times the reference amount, the fund pays 100% until 31/12 of that year.
resident-renew-self = The participant renews this card. Pay on { $to } (the last valid day) at the latest so the new card follows on. After a gap of 90 days or more, a new card is valid only { $wait } days after payment.
resident-renewed-by-state = The state pays for this card and it is renewed automatically; you need not renew it. If VNeID shows 31/12 as the end date, that is the end of each year's card.
resident-renewed-by-bhxh = BHXH pays for this card (e.g. pensioners, benefit recipients) and it is renewed automatically; you need not renew it.
resident-renewed-by-employer = Your employer pays for this card and renews it.
resident-button-subscribe = Get renewal reminders
resident-consent-wording = I agree that the commune may use my card code, card dates and this contact channel to remind me and my household to renew BHYT. I can send HUY at any time to stop.
resident-consent-wording-officer = I agree that the commune may use my card code, card dates and this contact channel to remind me and my household to renew BHYT. I can send STOP at any time to stop.
resident-consent-ask = To receive renewal reminders, please read this and choose Agree: "{ $wording }"
resident-button-agree = Agree
resident-consent-declined = Reminders are not on. You can turn them on at any time after checking a card.
resident-subscribed = Renewal reminders are on for this card and household. Send HUY (or STOP, TU CHOI, /huy_nhac) at any time to stop.
resident-subscribed-sms = Renewal reminders are on for this card and household. Send HUY (or STOP, TU CHOI) at any time to stop.
resident-subscribed-officer = Renewal reminders are on for this card and household. Send STOP (or DỪNG) at any time to stop; HUY still undoes the report you just sent.
resident-unsubscribed = All renewal reminders are stopped. You can subscribe again after checking a card.
reminder-expiring = BHYT renewal reminder: the card of { $names } expires on { $date } ({ $days } days left). Pay before then so the cover continues. Send PHI { $count } { $group } for the amount; send HUY to stop these messages. Never send money to strangers.
reminder-expired = The BHYT card of { $names } expired on { $date }. Renew soon at a collection agent or through VssID or VNeID; send PHI { $count } { $group } for the amount; send HUY to stop these messages. Never send money to strangers.
names-and-others = { $names } and { $count } others
resident-signature = — Universal BHYT assistant. We never ask for OTP codes or passwords; use only the official VssID or VNeID apps.
resident-signature-commune = — BHYT assistant of { $commune } commune. We never ask for OTP codes or passwords; use only the official VssID or VNeID apps.
resident-signature-sms = BHXH never asks for an OTP.
sms-card-valid = BHYT card { $name }: valid until { $to }, { $percent }% covered.
sms-card-expiring = BHYT card { $name }: ends { $to } ({ $days } days left), { $percent }% covered.
sms-card-expired = BHYT card { $name }: expired on { $to }. Pay to get a new card.
sms-card-not-yet-valid = BHYT card { $name }: paid, valid from { $from }.
sms-card-fee = 12-month renewal, household of { $members }: { $total } VND. Pay at a collection agent or in VssID, VNeID.
sms-card-fee-person = 12-month renewal: { $total } VND per person. Pay at a collection agent or in VssID, VNeID.
sms-card-renew-self = Renewal: pay at a collection agent or in VssID, VNeID.
sms-card-renew-school = Pupils and students renew through their school.
sms-card-child-ends = The state pays until { $to }; then enrol the child through school or the household.
sms-card-renewed-by-others = The card is renewed automatically; nothing to do.
d2d-empty = Nobody to visit: no self-paid card has expired or expires within 30 days.
d2d-heading = Door-to-door list for { $date }: { $households } households, { $people } people whose card expired or expires within 30 days.
d2d-household = { $village }, household { $household } (phone { $phone }): { $members }
d2d-expired = expired { $date } ({ $days } days ago)
d2d-expiring = expires { $date } ({ $days } days left)
d2d-more = … and { $count } more households, see the Excel file.
d2d-file-caption = Door-to-door list (Excel)
d2d-heading-sms = Door-to-door list for { $date }: { $households } households, { $people } people to renew.
d2d-more-sms = { $count } more households: text DANHSACH { $next } for the next page.
d2d-sms-no-page = The list has only { $pages } pages. Text DANHSACH to start again.
d2d-sheet = Door to door
d2d-col-village = Village
d2d-col-household = Household code
d2d-col-name = Full name
d2d-col-born = Born
d2d-col-group = Group
d2d-col-valid-to = Valid to
d2d-col-status = Status
d2d-col-phone = Phone

## Trying the bot
cli-help-chat = Chat with the bot locally (no Telegram needed) as a Telegram account or a phone number.
cli-chat-intro = Chatting as { $channel } { $id }. Type a message and press Enter; Ctrl+D to quit.

## BHYT cards: reading card codes, benefit levels, renewal fees, when a card starts (bhyt card, bhyt fee, /phi)
cli-help-card-parse = Read a BHYT card code: the 15-character legacy code, the 10-digit BHXH number or the 12-digit personal ID.
cli-help-card-benefit = Show the benefit level and the share the fund pays for a participant group (2-letter code) on a date.
cli-help-fee = Work out a BHYT renewal fee: household scheme (cheaper from the 2nd member), pupils, students, near-poor, farm households. --commune applies the commune's status (poor commune…) as the card look-up does.
card-wrong-length = The card code "{ $code }" has { $length } characters. A legacy BHYT card code has 15 (e.g. GD4797920123456); a BHXH number has 10 digits; a personal ID (CCCD) has 12 digits.
card-unknown-group = The group code "{ $group }" (the first 2 letters of the card code) is not in the list. Please check it, e.g. GD, HS, CN.
card-bad-benefit-level = The 3rd character of the card code is the benefit level and must be a digit from 1 to 5 (it is "{ $digit }").
card-letters-in-number = The number part "{ $number }" must contain digits only, but it has "{ $char }".
card-unknown-province = The province code "{ $province }" (characters 4–5 of the card code) is not in the province code list.
card-parsed-legacy15 = Legacy card: group { $group }, benefit level { $level }, issuing province { $province }, BHXH number { $number }.
card-parsed-bhxh10 = BHXH number { $number } (new card form: the benefit level is not part of the code; look it up in VssID or with BHXH).
card-parsed-id12 = Personal ID number { $number } (used instead of the BHXH number from 2025-08-01).
benefit-unknown-group = There is no BHYT card group "{ $group }". Use the 2-letter code, e.g. GD, HS, CN.
benefit-no-level = There is no benefit level for group { $group } on { $date }.
benefit-summary = Group { $group } on { $date }: benefit code { $level }, the fund pays { $percent }%.
benefit-level-share = Benefit code { $level }: the BHYT fund pays { $percent }% of covered medical costs; { $copay ->
    [0] the patient pays nothing.
   *[other] the patient co-pays { $copay }%.
  }
benefit-caps-apply = Drugs, medical supplies and services with a set payment ratio are paid at that ratio.
benefit-caps-none = No payment-ratio caps on drugs, medical supplies or services.
benefit-transport = Transport is paid when the patient must be transferred to another facility in an emergency or during inpatient treatment.
benefit-outside-package = Costs outside the BHYT benefit package are paid too.
benefit-rule-low-cost = A visit costing less than { $percent }% of the base salary (under { $amount } đồng) is paid in full.
benefit-rule-primary-care = Care at a primary-level facility (commune health station, family doctor…) is paid at { $percent }%.
benefit-rule-five-years = After 5 consecutive years of cover, once your co-payments in a year exceed { $months } times the reference amount ({ $amount } đồng), care is paid in full until 31/12 of that year; only co-payments for care under the referral rules (or their listed exceptions) count.
benefit-rule-self-referral = Self-referred inpatient care at a specialised facility, without a transfer letter: the fund pays only { $percent }% of your benefit (emergencies and listed exceptions excepted).
fee-bad-members = "{ $members }" is not a valid number of people: use 1 to { $max }.
fee-bad-months = "{ $months }" is not a valid payment period: this group pays for { $allowed } months at a time.
fee-unknown-group = No fee can be worked out for group "{ $group }". Only self-paid or state-supported groups: { $groups }.
fee-unknown-province = There is no province code "{ $province }" in the list.
fee-unknown-commune = There is no commune "{ $commune }" in the list.
fee-commune-support = { $commune } is { $status }: the state pays { $percent }% for this group.
fee-commune-status-poor = a poor commune
fee-commune-status-ethnic_minority_disadvantaged = a commune of an ethnic-minority and mountain area
fee-commune-status-no_longer_disadvantaged = a commune no longer in the disadvantaged list
fee-no-rule = There is no contribution rule for group { $group } on { $date }.
fee-heading = BHYT contribution — { $group }, { $months } months, paid on { $date } (base salary { $base } đồng, rate { $rate }%):
fee-member-line = Member { $index }: { $ladder }% of the contribution = { $full } đồng{ $support ->
    [0] {""}
   *[other] , state support { $support }% ({ $supportAmount } đồng)
  } → pays { $amount } đồng.
fee-members-line = Members { $from } { $kind ->
    [pair] and
   *[range] to
  } { $to }: each { $ladder }% of the contribution = { $full } đồng{ $support ->
    [0] {""}
   *[other] , state support { $support }% ({ $supportAmount } đồng)
  } → each pays { $amount } đồng.
fee-base-salary-latest-known = Note: the base salary of { $base } đồng is the latest known rate (from { $from }, { $instrument }); if it has been changed since, the amounts will differ.
fee-total = Total: { $total } đồng.
fee-help-sms = "{ $text }" was not understood. Send PHI [household members] [group] [months], e.g. PHI 3 GD 12 or PHI 1 HS.
fee-help = "{ $text }" was not understood. Send /phi [household members] [group] [months], e.g. /phi 3 GD 12 or /phi 1 HS.
renewal-first-enrolment = First enrolment: the card is valid from { $date } ({ $wait } days after payment).
renewal-lapsed = The old card expired { $gap } days ago (90 days or more): the new card is valid from { $date } ({ $wait } days after payment).
renewal-continuous = Continuous renewal: the new card starts the day after the old one expires, on { $date }.
renewal-short-gap = The old card expired { $gap } days ago (under 90 days): no 30-day wait; the new card is expected to be valid from the payment date, { $date }.

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

## Web dashboard (sign-in, overview, unit page, monthly report)
dashboard-title = BHYT coverage tracker
dashboard-login-heading = Sign in
dashboard-username = Username
dashboard-password = Password
dashboard-login-submit = Sign in
dashboard-login-failed = Wrong username or password.
dashboard-login-throttled = Too many failed sign-ins. Please try again in { $minutes } minutes.
dashboard-login-busy = Many sign-ins are arriving for this account or the system; please try again in a few seconds.
dashboard-not-configured = No session key is configured (SESSION_SECRET or BLIND_INDEX_KEY).
dashboard-csrf-failed = This form has expired. Please reload the page and try again.
dashboard-body-too-large = This request is too large and was not read. Forms carry a few kB; files are imported on the Import page after signing in.
dashboard-logout = Sign out
dashboard-signed-in-as = Account: { $username }
dashboard-other-language = Tiếng Việt
dashboard-overview = Overview
dash-national-title = Nationwide: provinces
dash-national-intro = Each province has its own database; this table reads each province's daily roll-up (the latest day). Sign in with a province account for the detail.
dash-national-empty = No province has sent its roll-up yet. Roll-ups are made daily once the server runs.
dash-national-province = Province
dash-national-day = Roll-up day
dash-national-cards = Cards on the roster
dash-national-cards-valid = Valid cards
dash-national-expiring = Expiring within 30 days
dash-national-enrolments = People reported that day (new and renewals)
dash-national-reports = Reports that day
dash-national-sent = Messages sent that day
dash-national-failed = Messages failed that day
dash-national-parts = { $count } parts
dash-national-csv = Download the table (CSV)
dashboard-period = { $year } plan, figures up to { $date }
dashboard-year = Plan year
dashboard-no-plan = There is no { $year } target yet: the table shows the people reported, with nothing to compare them to.
dashboard-see-year = See the { $year } plan
dashboard-col-unit = Unit
dashboard-col-population = Population
dashboard-col-insured = Insured
dashboard-col-target = Target
dashboard-col-target-rate = Target (% of population)
dashboard-col-target-share = Reached (% of target)
dashboard-col-rate = Coverage (% of population)
dashboard-col-gap = Gap
dashboard-col-status = Status
dashboard-status-on-track = On track
dashboard-status-behind = Behind
dashboard-status-no-target = No target
dashboard-historical = no longer active
dashboard-percent = { NUMBER($value, maximumFractionDigits: 2) } %
dashboard-children = Units below
dashboard-no-children = No units below this one.
dashboard-silent-heading = Villages with no report on { $date }
dashboard-silent-none = Every village has reported.
dashboard-recent-heading = Recent reports
dashboard-recent-none = No reports yet.
dashboard-col-date = Date
dashboard-col-group = Group
dashboard-col-count = People
dashboard-col-officer = Reported by
dashboard-col-channel = Channel
dashboard-flows-heading = New participants, renewals and lapsed cards
dashboard-flows-span = From { $from } to { $to }:
dashboard-flows-added = New participants (reported): { $count }
dashboard-flows-renewals = Renewals (already had a card; counted apart, not added): { $count }
dashboard-flows-lapsed = Lapsed cards not renewed (from the card roster): { $count }
dashboard-flows-net = { $direction ->
        [down] Net loss: { $count }
       *[up] Net gain: { $count }
    }
dashboard-flows-no-baseline = No baseline yet, so lapsed cards are not subtracted: the insured figure is only the new participants of the year.
dashboard-flows-no-roster = No card roster imported yet, so lapsed cards are not known.
dashboard-flows-rule = Insured = baseline + new participants − lapsed cards. A card counts as lapsed once it has been expired { $days } days or more (ended on or before { $through }) without a renewal: paying after that is a new enrolment with a { $wait }-day wait (Health Insurance Law art. 16(3)(c)).
dashboard-flows-rule-none = No card is past the grace for a continuous renewal yet.
dashboard-flows-lapsed-none = No card lapsed in this period.
dashboard-col-lapsed = Lapsed cards
dashboard-officer-unknown = (unknown)
dashboard-channel = { $channel ->
    [telegram] Telegram
    [zalo_oa] Zalo OA
    [zalo_bot] Zalo Bot
    [web] Web
    [sms] SMS
    [cli] Command line
   *[other] { $channel }
  }
dashboard-report-heading = Monthly report
dashboard-report-month = Month
dashboard-report-xlsx = Download Excel (.xlsx)
dashboard-report-csv = Download CSV
dashboard-report-print = Printable A4
dashboard-report-title = BHYT progress report { $unit } — { $month }
dashboard-report-as-of = Figures up to the end of { $date }, { $year } plan.
dashboard-report-print-hint = Use the browser's Print command (Ctrl+P) to print on A4.
dashboard-report-total = Total
dashboard-bad-month = Month "{ $month }" is not valid: write it as YYYY-MM, e.g. 2025-10.
dashboard-future-month = Month { $month } has not started yet.
dashboard-forbidden = Your account may not see this unit.
dashboard-not-found = No such page or unit.
report-col-code = Code
report-col-name = Unit
report-col-population = Population
report-col-target = Target (people)
report-col-target-rate = Target (%)
report-col-insured = Insured
report-col-rate = Coverage (%)
report-col-gap = Gap
report-col-reported-month = Added this month
report-col-reported-year = Added this year

## Peak outreach month (campaigns)
campaign-expired = { $campaign }: the BHYT card of { $names } has expired. Renew now at a collection agent or through VssID or VNeID to stay covered; send PHI { $count } { $group } for the amount; send HUY to stop these messages. Never send money to strangers.
campaign-expiring = { $campaign }: the BHYT card of { $names } expires soon. Renew before { $until } so the cover continues; send PHI { $count } { $group } for the amount; send HUY to stop these messages. Never send money to strangers.
campaign-digest-heading = { $campaign } — progress on { $date }
campaign-digest-collector = { $campaign }: { $households } households ({ $people } people) to visit today about renewing. Send /danhsach for the list and the Excel file.
campaign-digest-collector-sms = { $campaign }: { $households } households ({ $people } people) to visit today about renewing. Send DANHSACH for the list.
campaign-bad-name = A campaign needs a name.
campaign-bad-window = The end date ({ $to }) must not be before the start date ({ $from }).
campaign-bad-audience = Choose who to write to: { $audiences }.
campaign-bad-cap = Messages per week must be between 1 and { $max }.
cli-help-campaign-create = Create a peak-month campaign (units, window, audience, messages per week) and preview how many messages, SMS and SMS parts it will send; --dry-run only estimates.
cli-help-campaign-list = List the peak-month campaigns.
cli-campaign-estimate = { $households } households, { $days } send days: at most { $messages } messages ({ $sms } SMS, { $segments } SMS parts); { $undeliverable } households have no channel.
cli-campaign-created = Created campaign #{ $id } "{ $name }" from { $from } to { $to }.
cli-campaign-first-day-failed = The campaign is saved, but today's messages could not be planned ({ $error }). The later send days still run on the daily schedule.
cli-campaign-line = #{ $id } { $name }: { $from } – { $to }, at most { $cap } per week, audience { $audience }

## Backup and restore
cli-help-db-backup = Back the database up to a file while the server runs (the encryption keys are not in it: back up keys.json separately).
cli-help-db-restore = Restore the database from a backup file (stop the server first; needs --yes).
backup-target-exists = { $file } already exists. Choose another name so no earlier backup is overwritten.
backup-done = Backed up to { $file } ({ $pages } pages). Remember to back up the encryption keys (keys.json or the environment) separately.
backup-missing = Backup file { $file } not found.
backup-not-bhyt = { $file } is not a valid backup of this system.
restore-needs-yes = Restoring replaces all data in { $file }. Stop the server, then run again with --yes.
restore-done = Restored from { $file }: { $tallies } tally entries.

## Security and privacy (issue "Hardening"): data-subject requests, key rotation, retention

cli-help-person-export = Export everything held about one person (decrypted): card, household, consents, channels and audit entries; audited.
cli-help-person-forget = Erase one person's personal data (record, card, consents, contacts); anonymous report figures stay. Needs --yes.
cli-person-bad-subject = Cannot read that: give a BHXH number (10 digits), a personal ID (12 digits), a card code (15 characters) or a person id.
cli-person-subject-not-found = Nobody has that number.
cli-person-subject-ambiguous = That number matches more than one person; use the person id or the personal ID.
cli-person-plan = Would erase: { $person } record, { $card } card, { $reminders } reminder plans, { $contacts } contacts, { $identities } channels, { $consents } consents; { $outbox } messages blanked.
cli-person-confirm = Run again with --yes to erase.
cli-person-forgotten = Erased the personal data of person { $id }.
cli-help-keys-rotate = Re-seal every personal value under the new keys (DATA_ENCRYPTION_KEY…), reading with the old ones (OLD_DATA_ENCRYPTION_KEY…); safe to run again if interrupted.
cli-keys-no-new-keys = No new keys set: DATA_ENCRYPTION_KEY, BLIND_INDEX_KEY and a new DATA_KEY_ID are needed.
cli-keys-no-old-keys = Old keys not found: set OLD_DATA_ENCRYPTION_KEY, OLD_BLIND_INDEX_KEY and OLD_DATA_KEY_ID.
cli-keys-same = The new keys are the old keys: nothing to do.
cli-keys-same-id = A new data key needs a new key id: change DATA_KEY_ID (now { $keyId }).
cli-keys-id-without-key = DATA_KEY_ID changed but DATA_ENCRYPTION_KEY did not: keep the old id or set a new data key.
cli-keys-rotated = Re-sealed { $count } rows under key { $keyId }. { $invites } unused invite codes stop working if the index key changed.
cli-help-db-purge-inbound-text = Purge the original text of inbound messages (tally reports) older than INBOUND_TEXT_RETENTION_DAYS days (default 90); the figures stay.
cli-purged-inbound-text = Purged the text of { $tallies } reports, { $states } stale conversations and { $outbox } finished messages older than { $days } days.

## Telegram webhook registration (bhyt telegram …)
cli-help-telegram-set-webhook = Register the webhook URL (HTTPS) with Telegram, with the TELEGRAM_WEBHOOK_SECRET secret; only messages and button presses are delivered.
cli-help-telegram-webhook-info = Show the Telegram webhook in use, the number of pending updates and the last delivery error.
telegram-not-configured = Telegram is not configured: set TELEGRAM_BOT_TOKEN.
telegram-webhook-no-secret = Set TELEGRAM_WEBHOOK_SECRET (12–256 letters, digits, _ or -) before registering the webhook, so nobody can forge updates.
telegram-webhook-bad-url = Not a valid URL: { $url }
telegram-webhook-not-https = Telegram only calls HTTPS URLs; { $url } cannot be used.
telegram-webhook-refused = Telegram refused (code { $code }): { $detail }
telegram-webhook-unreachable = Could not reach the Telegram server (TELEGRAM_API_ROOT). Check the network and try again.
telegram-webhook-set = Webhook registered: { $url }
telegram-webhook-info = Webhook: { $url } · { $pending } pending updates · last error: { $error }
telegram-webhook-none = No webhook registered (the bot uses long polling or is not running) · { $pending } pending updates.

## Zalo OA: re-authorisation (PKCE), sending by Zalo's rules
zalo-oauth-not-configured = The Zalo OA (ZALO_APP_ID) or the public address (PUBLIC_URL) is not configured, so it cannot be re-authorised.
zalo-oauth-admin-only = Only a country-wide administrator may re-authorise the Zalo OA.
zalo-oauth-bad-state = This authorisation link has expired or is not valid. Please start again from the Zalo authorisation page.
zalo-oauth-failed = Zalo did not issue an access token. Please try again; if it keeps failing, check ZALO_APP_SECRET.
zalo-oauth-done = The Zalo OA is authorised again. Waiting Zalo messages will go out.
cli-help-outbox-failed = List messages that could not be delivered (failed, or dropped as late), newest first, with the reason.
cli-outbox-failed-none = No message has failed or been dropped.
cli-outbox-failed-line = #{ $id } { $channel } ({ $purpose }): { $status } — { $code }: { $reason }
outbox-reason-dead_letter = The server failed several times while sending exactly this message (the queue dead-lettered it); stopped so other messages are not blocked.
outbox-reason-window_closed = The person has not written to the Zalo OA in the last 48 hours, there is no phone or ZNS template to send instead, and the day's proactive quota is spent.
outbox-reason-expired = The message was past its useful time (for example the next reminder was due), so it was not sent late.
outbox-reason-opted_out = The person asked to receive no messages (HUY / STOP).
outbox-reason-blocked = The person blocked or unfollowed this channel.
outbox-reason-no_identity = The person's account on this channel no longer exists (erased).
outbox-reason-no_address = There is no address to send to (phone number or account id).
outbox-reason-unknown_template = The message text is not in the message catalogue.
outbox-reason-loop_guard = Stopped to avoid a message loop with an auto-responder.
outbox-reason-bad_phone = The phone number is not valid.
outbox-reason-quota_exceeded = Zalo's daily sending quota is spent; the message waits until the next day.
outbox-reason-night_ban = Zalo does not allow this kind of message at night; the message waits until morning.
outbox-reason-not_following = The person unfollowed the Zalo OA.
outbox-reason-user_inactive = The person's Zalo account has been inactive for more than 45 days.
outbox-reason-user_refused = The person blocked this kind of message on Zalo.
outbox-reason-cannot_receive = The phone number has no Zalo account or cannot receive messages.
outbox-reason-auth = The Zalo OA access token is no longer valid; an administrator must re-authorise at /admin/zalo/authorize.
outbox-reason-internal = Internal error while sending; retried up to the limit.
outbox-reason-undelivered = The carrier or SMS gateway reported the message did not reach the phone.
outbox-reason-rate_limited = The provider said we were sending too fast; retried up to the limit.
outbox-reason-unreadable = The provider's answer could not be read.
outbox-reason-other = The provider reported error { $code }.

## Province sharding (one database per province)
shard-unknown = No database "{ $shard }" in this deployment (a 2-digit province code, or a province code and a part, e.g. 79_2).
shard-unit-unassigned = Unit "{ $code }" belongs to a province split over several databases but is not assigned to any part.
shard-assignment-other-province = Unit "{ $code }" cannot be assigned to "{ $shard }": that is a part of another province.
shard-unit-without-province = Unit code "{ $code }" does not say which province it belongs to: use a code that starts with the 2-digit province (e.g. 38-01-01 or 3801234).
shard-none-configured = Province sharding needs at least one province database.

## Dashboard: campaigns, card roster, administration, try the bot, look-up alarm (issue 7)
dash-nav-campaigns = Campaigns
dash-nav-roster = Card roster
dash-nav-admin = Administration
dash-nav-try = Try the bot
dash-not-available = This needs the personal-data key (DATA_ENCRYPTION_KEY), which is not configured.
dash-alarm-lookups = Alarm: { $count } failed card look-ups in the last hour (threshold { $threshold }). Someone may be guessing birth dates.
dash-alarm-see-log = See the log
dash-col-rank = Rank
dash-campaigns-none = No campaigns yet.
dash-campaigns-col-name = Campaign name
dash-campaigns-col-window = Dates
dash-campaigns-col-communes = Communes
dash-campaigns-col-audience = Audience
dash-campaigns-col-state = State
dash-campaigns-everywhere = Every commune
dash-campaigns-create = New campaign
dash-audience = { $audience ->
    [expired] Expired cards
    [expiring] Cards about to expire
    [not_in_roster] Not on this year's card roster
   *[other] { $audience }
  }
dash-campaign-state = { $state ->
    [upcoming] Upcoming
    [running] Running
   *[ended] Ended
  }
dash-campaign-from = From
dash-campaign-to = To
dash-campaign-cap = At most this many messages per household per week
dash-campaign-communes-hint = No commune selected: the campaign runs in every commune.
dash-campaign-communes-required = Choose at least one commune within your account's scope.
dash-campaign-bad-dates = Invalid date: write it as dd/mm/yyyy or yyyy-mm-dd.
dash-campaign-preview = Preview the cost
dash-campaign-recompute = Recompute
dash-campaign-start = Start the campaign
dash-campaign-estimate = Estimate if nobody renews
dash-estimate-households = Households
dash-estimate-send-days = Sending days
dash-estimate-messages = Messages at most
dash-estimate-sms = Of which SMS
dash-estimate-segments = SMS parts (billed)
dash-estimate-undeliverable = Households we cannot reach
dash-campaign-window = From { $from } to { $to }, at most { $cap } messages per household per week
dash-campaign-chart-title = { $unit } — coverage by day
dash-campaign-chart-subtitle = Share of people with a BHYT card at the end of each campaign day
dash-campaign-col-date = Date
dash-campaign-col-added = New enrolments
dash-campaign-col-insured = Insured
dash-campaign-col-rate = Coverage
dash-campaign-col-sent = Sent
dash-campaign-col-delivered = Delivered
dash-campaign-col-failed = Failed
dash-campaign-ranking = Villages against their target (lowest first) — { $commune }
dash-campaign-outbox = Campaign messages
dash-campaign-no-messages = The campaign has sent no messages yet.
dash-outbox-state = { $state ->
    [pending] Pending
    [sending] Sending
    [sent] Sent
    [delivered] Delivered
    [failed] Failed
    [dropped] Dropped
   *[cancelled] Cancelled
  }
dash-roster-pick = Choose a commune to see its cards about to expire and expired.
dash-roster-title = BHYT cards about to expire and expired — { $unit }
dash-roster-summary = { $households } households, { $cards } cards (expired in the last 12 months or expiring within 30 days), as of { $date }.
dash-roster-none = No card is about to expire or has expired.
dash-roster-commune-only = The card roster is shown one commune or village at a time: please choose a commune.
dash-roster-filter = { $filter ->
    [expiring] About to expire
    [expired] Expired
   *[all] All
  }
dash-roster-status = { $status ->
    [expired] Expired { $days } days ago
   *[expiring] { $days } days left
  }
roster-col-village-code = Village code
roster-col-village = Village
roster-col-household = Household code
roster-col-name = Name (masked)
roster-col-birth-year = Birth year
roster-col-group = Group
roster-col-valid-to = Valid to
roster-col-status = Status
roster-col-days-left = Days left
dash-page-prev = ‹ Previous
dash-page-next = Next ›
dash-page-of = Page { $page } of { $pages } ({ $total } rows)
dash-revoke = Revoke
dash-not-open = This item is no longer open or lies outside your account's scope.
dash-admin-officers = Officers and invite codes
dash-admin-accounts = Admin accounts
dash-admin-import = Import units and targets
dash-admin-outbox = Outbox
dash-admin-audit = Audit log
dash-admin-national-only = The outbox, the audit log and imports are for national accounts only: their rows belong to no unit.
dash-dead-letters = Messages that could not be sent
dash-dead-letters-none = No failed or dropped messages.
dash-dead-col-id = Id
dash-dead-col-channel = Channel
dash-dead-col-purpose = Kind
dash-dead-col-state = State
dash-dead-col-attempts = Attempts
dash-dead-col-reason = Reason
dash-dead-col-updated = Updated
dash-dead-col-action = Action
dash-dead-retry = Retry
dash-dead-retried = Message { $id } is back in the queue.
dash-dead-retry-refused = This message cannot be retried: only failed messages that have not expired can.
dash-audit-action = Action
dash-audit-all = All
dash-audit-filter = Filter
dash-audit-col-at = Time ({ $zone })
dash-audit-col-actor = Actor
dash-audit-col-action = Action
dash-audit-col-subject = Subject
dash-audit-col-details = Details
dash-officer-col-name = Name
dash-officer-col-role = Role
dash-officer-col-commune = Commune
dash-officer-col-channels = Channels
dash-officer-col-status = Status
dash-officer-role = { $role ->
    [collector] Village officer
    [commune] Commune officer
   *[viewer] Viewer
  }
dash-account-status = { $status ->
    [active] Active
   *[disabled] Disabled
  }
dash-invites-open = Open invite codes
dash-invites-none = No invite codes are open.
dash-invite-col-role = Role
dash-invite-col-commune = Commune
dash-invite-col-village = Village
dash-invite-col-by = Created by
dash-invite-col-expires = Expires ({ $zone })
dash-invite-col-action = Action
dash-invite-new = New invite code
dash-invite-no-village = (no village)
dash-invite-create = Create invite code
dash-invite-bad-role = Invalid role.
dash-invite-created = New invite code (shown once only, expires { $expires } { $zone }):
dash-account-col-username = Username
dash-account-col-scope = Scope (unit code)
dash-account-col-status = Status
dash-account-col-action = Action
dash-account-national = Whole country
dash-account-disable = Disable account
dash-account-new = New account
dash-account-create = Create account
dash-account-scope-hint = Code of the province, commune… the account may see (e.g. 38-01-01). Empty: the whole country (national accounts only).
dash-account-created = Account { $username } created.
dash-account-bad-username = Usernames are 3–64 unaccented letters, digits, dots, hyphens or underscores.
dash-account-short-password = Passwords need at least { $min } characters.
dash-account-scope-outside = The new account's scope must lie within yours.
dash-account-exists = Username { $username } is taken.
dash-sessions = Open sessions
dash-session-col-username = Account
dash-session-col-created = Signed in ({ $zone })
dash-session-col-seen = Last seen ({ $zone })
dash-session-col-browser = Browser
dash-session-col-action = Action
dash-try-intro = Talk to the bot as a resident or as an officer of a commune or village, for demos and training. Replies only show here; nothing is sent anywhere.
dash-try-as = Speak as
dash-try-as-resident = Resident
dash-try-as-officer = { $level ->
    [village] Officer of { $unit }
   *[other] Officer of { $unit }
  }
dash-try-as-code = Commune or village code (empty or "resident": a resident)
dash-try-message = Message
dash-try-send = Send
dash-try-warning = Note: figures reported here count like real reports; send /huy to undo the last report.
dash-try-empty = Please type a message.
dash-try-bad-unit = Code "{ $code }" cannot be used: it must be a commune or village within your account's scope.
dash-try-document = File { $file } ({ $bytes } bytes) — on Telegram the bot attaches this file.
import-upload-too-large = The file is too large: the web page takes files up to { $mb } MB. Import bigger files with the command line (bhyt import).
import-held-gone = This preview is gone (saved, discarded or older than 24 hours). Please upload the file again.
dash-import-preview = Preview: { $file }
dash-import-would = The file is valid: { $rows } rows would be written ({ $inserted } new, { $updated } updated). Nothing is saved yet.
dash-import-row = Row
dash-import-save = Save to the database
dash-import-discard = Discard
dash-import-discarded = Preview discarded; nothing was saved.
dash-import-kind = Data
dash-import-kind-name = { $kind ->
    [units] Administrative units
   *[targets] Targets
  }
dash-import-file = File (XLSX or CSV)
dash-import-hint = Same format as the bhyt import command: the first sheet, row 1 holds the column names. The file is checked and previewed, and only saved when you press Save.
dash-import-check = Check and preview
dash-import-no-file = Please choose an XLSX or CSV file.

## Tally rollups (bhyt tally rebuild-rollups)
cli-help-tally-rebuild-rollups = Recompute the progress rollups from the tally reports (one atomic step); only needed after a database was edited by hand or partly restored.
cli-tally-rollups-rebuilt = Recomputed { $rows } progress rollup rows.

## Retention of bookkeeping (bhyt db purge-old-records)
cli-help-db-purge-old-records = Delete old bookkeeping: processed inbound update ids (after 7 days), finished outbox messages older than OUTBOX_RETENTION_DAYS days (default 180, at least 30) with their delivery attempts, ZNS tracking ids (after 30 days). Figures, the roster and the audit log stay.
cli-purged-old-records = Deleted { $updates } inbound update ids, { $outbox } finished messages older than { $days } days and { $zns } ZNS tracking ids.

## Dashboard accounts (bhyt admin, the change-password page)
cli-help-admin-create = Creates a dashboard account; --scope limits it to a province, commune… (empty: the whole country). The password is generated and shown once, or read from standard input with --password-stdin.
cli-help-admin-reset-password = Sets a new password for a dashboard account and signs out all its sessions. The new password is generated and shown once, or read from standard input with --password-stdin; --enable lifts a disable.
cli-help-admin-list = Lists dashboard accounts: username, scope, status, last sign-in.
cli-admin-created = Account { $username } created, scope: { $scope }.
cli-admin-password-reset = Password of { $username } reset; { $sessions } sessions signed out.
cli-admin-password-once = Password of { $username } (shown this once, stored nowhere else):
cli-admin-still-disabled = This account is disabled: add --enable to enable it.
cli-admin-line = { $username } | { $scope } | { $status } | last sign-in: { $lastSignIn }
cli-admin-never = never
cli-admin-none = No accounts yet: npm start creates the first one, or run bhyt admin create <name>.
cli-admin-scope-ambiguous = Several provinces have a unit "{ $query }" (databases { $shards }): give the unit code.
cli-admin-stdin-tty = --password-stdin reads the password from standard input, not the keyboard: e.g. printf '%s\n' "$PASSWORD" | npx bhyt admin reset-password admin --password-stdin
cli-admin-stdin-empty = Standard input holds no password (the first line is empty).
account-not-found = No account { $username }. List them: npx bhyt admin list
account-password-too-long = Passwords have at most { $max } characters.
account-password-wrong-current = The current password is wrong.
account-password-mismatch = The two new passwords differ.
account-password-unchanged = The new password must differ from the current one.
account-password-title = Change password
account-password-intro = After the change, the other sessions of this account (other computers, other browsers) are signed out; this one stays.
account-password-current = Current password
account-password-new = New password (at least { $min } characters)
account-password-confirm = New password again
account-password-submit = Change password
account-password-changed = Password changed. { $sessions } other sessions signed out.
