/**
 * `xxgk-report template --out file.xlsx [--year Y] [--agency A]`: write the Excel template
 * (the same workbook the add-in inserts), optionally with agency and year filled in.
 */
import { existsSync } from "node:fs";
import path from "node:path";
import { EXIT, type CliIO } from "../io";
import { cliText } from "../messages";
import { FsFailure } from "../paths";
import { writeOutput } from "../writeOutput";
import { CLI_TEXT } from "../../template/messages";
import { buildTemplate } from "../../template/xlsx";

interface Args {
  out?: string;
  year?: number;
  agency?: string;
  contact?: string;
  force: boolean;
  help: boolean;
}

function parse(args: string[]): Args | string {
  const a: Args = { force: false, help: false };
  for (let i = 0; i < args.length; i++) {
    const arg = args[i]!;
    const [flag, inline] = arg.startsWith("--") && arg.includes("=") ? [arg.slice(0, arg.indexOf("=")), arg.slice(arg.indexOf("=") + 1)] : [arg, undefined];
    const value = (): string | null => {
      if (inline !== undefined) return inline;
      const v = args[i + 1];
      if (v === undefined || v.startsWith("-")) return null;
      i++;
      return v;
    };
    switch (flag) {
      case "--help":
      case "-h":
        a.help = true;
        break;
      case "--force":
        a.force = true;
        break;
      case "--out":
      case "-o":
      case "--year":
      case "--agency":
      case "--contact": {
        const v = value();
        if (v === null) return CLI_TEXT.missingValue(flag);
        if (flag === "--year") {
          const y = Number(v);
          if (!/^\d{4}$/.test(v) || y < 1990 || y > 2200) return CLI_TEXT.badYear(v);
          a.year = y;
        } else if (flag === "--agency") a.agency = v.trim();
        else if (flag === "--contact") a.contact = v.trim();
        else a.out = v;
        break;
      }
      default:
        return CLI_TEXT.unknownOption(arg);
    }
  }
  return a;
}

export async function run(args: string[], io: CliIO): Promise<number> {
  const a = parse(args);
  if (typeof a === "string") {
    io.err(a);
    io.err(CLI_TEXT.usage);
    return EXIT.unreadable;
  }
  if (a.help) {
    io.out(CLI_TEXT.usage);
    return EXIT.ok;
  }
  if (!a.out) {
    io.err(CLI_TEXT.missingOut);
    io.err(CLI_TEXT.usage);
    return EXIT.unreadable;
  }
  if (!/\.xlsx$/i.test(a.out)) {
    io.err(CLI_TEXT.notXlsx(a.out));
    return EXIT.unreadable;
  }
  const file = path.resolve(io.cwd, a.out);
  if (existsSync(file) && !a.force) {
    io.err(CLI_TEXT.exists(file));
    return EXIT.unreadable;
  }
  const bytes = await buildTemplate({ year: a.year ?? null, agency: a.agency ?? null, contact: a.contact ?? null });
  try {
    // All or nothing: with --force an existing template is replaced only once the new one is on disk.
    await writeOutput(file, bytes);
  } catch (e) {
    const f = e instanceof FsFailure ? e : new FsFailure("EIO", file);
    io.err(CLI_TEXT.writeFailed(file, cliText.fsError(f.code, f.at)));
    return EXIT.unreadable;
  }
  io.out(CLI_TEXT.written(file, Math.round(bytes.length / 1024)));
  return EXIT.ok;
}
