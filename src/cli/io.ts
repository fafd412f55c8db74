/** The CLI's I/O, injectable so commands are testable without spawning a process. */
export interface CliIO {
  out(text: string): void;
  err(text: string): void;
  cwd: string;
  /** A line that rewrites itself on a terminal (long runs); absent where nobody watches. */
  progress?: (text: string) => void;
}

export const processIO: CliIO = {
  out: (t) => process.stdout.write(t.endsWith("\n") ? t : t + "\n"),
  err: (t) => process.stderr.write(t.endsWith("\n") ? t : t + "\n"),
  cwd: process.cwd(),
  ...(process.stderr.isTTY ? { progress: (t: string) => void process.stderr.write(`\r${t}\u001b[K`) } : {}),
};

/** Exit codes of `xxgk-report`. */
export const EXIT = { ok: 0, errors: 1, unreadable: 2 } as const;

export type Command = (args: string[], io: CliIO) => Promise<number>;
