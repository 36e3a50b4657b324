import { parseArgs, type ParseArgsOptionsConfig } from 'node:util';
import { UsageError } from './exit';

/** `-h/--help`, accepted by every command. */
export const HELP_OPTION = { help: { type: 'boolean', short: 'h' } } as const;

/**
 * Parses a command's options strictly (unknown options and stray arguments
 * are errors) and turns node:util's long messages into one short phrase that
 * names the problem, e.g. "unknown option --prodcts". The caller prefixes
 * the command ("admin seed: ...").
 */
export function parseOptions<const O extends ParseArgsOptionsConfig>(args: string[], options: O) {
  try {
    return parseArgs({ args, options, strict: true, allowPositionals: false }).values;
  } catch (err) {
    throw new UsageError(describeParseError(err));
  }
}

function describeParseError(err: unknown): string {
  const message = err instanceof Error ? err.message : String(err);
  const code = (err as { code?: string }).code;
  const quoted = /'([^']+)'/.exec(message)?.[1] ?? '';
  const option = quoted.split(' ')[0] ?? quoted;
  switch (code) {
    case 'ERR_PARSE_ARGS_UNKNOWN_OPTION':
      return `unknown option ${option}`;
    case 'ERR_PARSE_ARGS_UNEXPECTED_POSITIONAL':
      return `unexpected argument "${quoted}"`;
    case 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE':
      if (/does not take an argument/.test(message)) return `option ${option} takes no value`;
      return `option ${option} needs a value`;
    default:
      return message.split('\n')[0] ?? message;
  }
}

/** A required string option; empty counts as missing. */
export function required(value: string | undefined, label: string): string {
  if (value === undefined || value.trim() === '') throw new UsageError(`missing ${label}`);
  return value;
}

/** A whole-number option within [min, max]; `fallback` when absent. */
export function wholeNumber(value: string | undefined, name: string, min: number, max: number, fallback: number): number {
  if (value === undefined) return fallback;
  const n = /^\d+$/.test(value.trim()) ? Number(value.trim()) : Number.NaN;
  if (!Number.isSafeInteger(n) || n < min || n > max) {
    throw new UsageError(`${name} must be a whole number from ${min} to ${max}, got "${value}"`);
  }
  return n;
}
