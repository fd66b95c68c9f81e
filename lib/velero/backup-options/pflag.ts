// Command-line parsing as spf13/pflag v1.0.10 does it for the velero server (velero-objects.md b.1):
// `--x=v` and `--x v` for value flags (the next argument is taken whatever it looks like); bool flags are
// `--x` or `--x=<bool>` (`--x false` is true plus a stray argument); `-h`, `-n v`, `-nv`, `-n=v` for the known
// shorthands; `--` ends the flags.

export interface ParsedArgs {
  /** Every value given to each long flag, in order (the caller decides whether the last wins or they add up). */
  flags: Map<string, string[]>;
  positional: string[];
  /** Problems pflag would refuse to start with (the server would crash-loop). */
  problems: string[];
}

/**
 * Single-letter shorthands: the long flag each stands for (pflag's parseSingleShortArg). A shorthand missing here
 * leaves its argument positional, as before.
 */
export type Shorthands = ReadonlyMap<string, string>;

export function parseArgs(args: readonly string[], boolFlags: ReadonlySet<string>, shorthands: Shorthands = new Map()): ParsedArgs {
  const flags = new Map<string, string[]>();
  const positional: string[] = [];
  const problems: string[] = [];
  const add = (name: string, value: string) => {
    const list = flags.get(name) ?? [];
    list.push(value);
    flags.set(name, list);
  };
  for (let i = 0; i < args.length; i++) {
    const arg = args[i] as string;
    if (arg === '--') {
      positional.push(...args.slice(i + 1));
      break;
    }
    if (arg[0] === '-' && arg[1] !== '-' && arg.length > 1 && shorthands.has(arg[1] as string)) {
      i = parseShort(arg.slice(1), args, i, boolFlags, shorthands, add, problems);
      continue;
    }
    if (!arg.startsWith('--') || arg.length === 2) {
      positional.push(arg);
      continue;
    }
    const body = arg.slice(2);
    const eq = body.indexOf('=');
    const name = eq >= 0 ? body.slice(0, eq) : body;
    if (eq >= 0) add(name, body.slice(eq + 1));
    else if (boolFlags.has(name)) add(name, 'true');
    else if (i + 1 < args.length) add(name, args[++i] as string);
    else problems.push(`flag needs an argument: --${name}`);
  }
  return { flags, positional, problems };
}

/** pflag's parseShortArg / parseSingleShortArg over `-abc`; returns the index of the last argument consumed. */
function parseShort(
  letters: string, args: readonly string[], i: number, boolFlags: ReadonlySet<string>, shorthands: Shorthands,
  add: (name: string, value: string) => void, problems: string[],
): number {
  let rest = letters;
  while (rest.length > 0) {
    const c = rest[0] as string;
    const name = shorthands.get(c);
    if (name === undefined) {
      problems.push(`unknown shorthand flag: '${c}' in -${rest}`);
      return i;
    }
    if (rest.length > 2 && rest[1] === '=') {
      add(name, rest.slice(2));
      return i;
    }
    if (boolFlags.has(name)) {
      add(name, 'true');
      rest = rest.slice(1);
    } else if (rest.length > 1) {
      add(name, rest.slice(1));
      return i;
    } else if (i + 1 < args.length) {
      add(name, args[i + 1] as string);
      return i + 1;
    } else {
      problems.push(`flag needs an argument: '${c}' in -${rest}`);
      return i;
    }
  }
  return i;
}

/** strconv.ParseBool. */
export function parseBool(value: string): boolean | null {
  if (['1', 't', 'T', 'TRUE', 'true', 'True'].includes(value)) return true;
  if (['0', 'f', 'F', 'FALSE', 'false', 'False'].includes(value)) return false;
  return null;
}

/** strconv.ParseInt(s, 0, 64) for the values a flag can reasonably carry (decimal, 0x, 0o, 0b, leading 0 = octal). */
export function parseInteger(value: string): number | null {
  const m = /^([+-]?)(0[xX][0-9a-fA-F_]+|0[oO]?[0-7_]+|0[bB][01_]+|[1-9][0-9_]*|0)$/.exec(value);
  if (!m) return null;
  const digits = (m[2] as string).replace(/_/g, '');
  const n = /^0[0-7]+$/.test(digits) ? parseInt(digits.slice(1), 8) : Number(digits.replace(/^0[oO]/, '0o'));
  return Number.isSafeInteger(n) ? (m[1] === '-' ? -n : n) : null;
}
