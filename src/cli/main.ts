/** `xxgk-report`: the command-line entry. Commands load lazily so `check` stays quick to start. */
import { EXIT, processIO, type CliIO, type Command } from "./io";
import { cliText } from "./messages";
import { forTerminal } from "./terminal";

// bin/xxgk-report.js escapes an internal error's text with the same function.
export { forTerminal };

const COMMANDS: Record<string, () => Promise<{ run: Command }>> = {
  check: () => import("./commands/check"),
  template: () => import("./commands/template"),
  export: () => import("./commands/export"),
  ledger: () => import("./commands/ledger"),
  rollup: () => import("./commands/rollup"),
};

/** Every command writes through this: nothing from a file reaches the terminal unescaped. */
function terminalIO(io: CliIO): CliIO {
  return { out: (t) => io.out(forTerminal(t)), err: (t) => io.err(forTerminal(t)), cwd: io.cwd, ...(io.progress ? { progress: io.progress } : {}) };
}

export async function main(argv: string[], raw: CliIO = processIO): Promise<number> {
  const io = terminalIO(raw);
  const [name, ...rest] = argv;
  if (!name || name === "help" || name === "--help" || name === "-h") {
    io.out(cliText.usage);
    return name ? EXIT.ok : EXIT.unreadable;
  }
  const load = COMMANDS[name];
  if (!load) {
    io.err(`${cliText.unknownCommand(name)}\n\n${cliText.usage}`);
    return EXIT.unreadable;
  }
  const cmd = await load();
  return cmd.run(rest, io);
}
