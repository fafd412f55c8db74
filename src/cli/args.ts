/** Argument parsing with Node's parseArgs, turning its English errors into Chinese ones. */
import { parseArgs, type ParseArgsConfig } from "node:util";
import { cliText } from "./messages";

export type ParsedArgs = { values: Record<string, string | boolean | undefined>; positionals: string[] };

export function parse(args: string[], options: NonNullable<ParseArgsConfig["options"]>): ParsedArgs | { error: string } {
  try {
    const r = parseArgs({ args, options, allowPositionals: true, strict: true });
    return { values: r.values as ParsedArgs["values"], positionals: r.positionals };
  } catch (e) {
    const m = e instanceof Error ? e.message : String(e);
    const opt = /'(-{1,2}[^' ]+)/.exec(m)?.[1] ?? "";
    if (/argument missing|requires a value|argument/i.test(m) && !/Unknown/i.test(m)) return { error: cliText.missingOptionValue(opt) };
    return { error: cliText.unknownOption(opt || m) };
  }
}
