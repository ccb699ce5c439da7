/** @module The few lines `npm start` ends with: where to go and what to type first. */
import type { DemoShowcase } from "../core/demo/demo-showcase";

export interface BannerInput {
  url: string;
  admin: { username: string; password?: string; passwordFile?: string; envPasswordIgnored?: boolean } | null;
  demo: DemoShowcase | null;
  /** Demo-source rows the importer warned about (`bhyt db seed-demo --json` lists them). */
  demoWarnings?: number;
}

const dmy = (iso: string) => `${iso.slice(8, 10)}/${iso.slice(5, 7)}/${iso.slice(0, 4)}`;

/**
 * Plain text for the terminal, never a log line: it may carry the first dashboard password,
 * which must not end up in a log collector. English for the operator, like the logs and CLI help.
 */
export function formatBanner(input: BannerInput): string {
  const lines = ["", `bhyt-outreach is ready: ${input.url}`];
  if (input.admin) {
    const where = input.admin.password
      ? `password ${input.admin.password} (shown once, never logged)`
      : input.admin.passwordFile
        ? `password in ${input.admin.passwordFile} (read it, sign in, then delete the file)`
        : `password as set by ADMIN_PASSWORD on first start; forgot it? npx bhyt admin reset-password ${input.admin.username}`;
    lines.push(`  Dashboard   ${input.url}/login  user ${input.admin.username}, ${where}`);
  }
  if (input.admin?.envPasswordIgnored) {
    lines.push("  NOTE        ADMIN_PASSWORD differs from the stored password and is IGNORED (it is read only when no account exists):");
    lines.push(`              npx bhyt admin reset-password ${input.admin.username}`);
  }
  lines.push(`  Try the bot ${input.url}/try  (as a resident or an officer, no phone needed)`);
  if (input.demo?.invite) {
    const i = input.demo.invite;
    lines.push(`  Officer     invite ${i.code} (collector, thôn ${i.village}, xã ${i.commune}; valid 72 h): send it to the bot, then "${i.village} GD 3"`);
  }
  if (input.demo?.card) {
    const c = input.demo.card;
    lines.push(`  Resident    card ${c.cardCode} (BHXH ${c.bhxhNumber}), date of birth ${dmy(c.dateOfBirth)}: fictional demo data`);
  }
  if (input.demoWarnings) lines.push(`  Demo data   ${input.demoWarnings} rows of the source plans disagree with themselves (kept as printed): npx bhyt db seed-demo --json`);
  lines.push("  Docs        README.md, docs/ (configuration, CLI, operations)", "");
  return lines.join("\n");
}
