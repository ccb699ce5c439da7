import type { ParseArgsConfig } from "node:util";
import type { CliContext } from "./cli-context";
import type { CliIo } from "./cli-io";

export type OptionSpec = NonNullable<ParseArgsConfig["options"]>;

export interface CommandArgs {
  positionals: string[];
  values: Record<string, string | boolean | undefined>;
}

/** One CLI command: its words ("import units"), its options and what it does. Returns the exit code. */
export interface Command {
  words: string[];
  /** Usage after the words, e.g. "FILE [--commune <tên|mã>]". */
  usage: string;
  /** Message key of the one-line description. */
  helpKey: string;
  options?: OptionSpec;
  run(ctx: CliContext, io: CliIo, args: CommandArgs): Promise<number>;
}
