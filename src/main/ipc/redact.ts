const SECRET_KEYS = /pin|password|contrase|token|secret/i;

/** Nesting kept in a log line; no contract input is deeper, hostile ones can be (100k levels). */
const MAX_DEPTH = 12;

/** A copy of an IPC input safe to log: secret fields become "[redacted]", deep nesting "[too deep]". */
export function redact(value: unknown, depth = 0): unknown {
  if (value && typeof value === 'object' && depth >= MAX_DEPTH) return '[too deep]';
  if (Array.isArray(value)) return value.map((v) => redact(v, depth + 1));
  if (value && typeof value === 'object') {
    return Object.fromEntries(
      Object.entries(value).map(([k, v]) => [k, SECRET_KEYS.test(k) ? '[redacted]' : redact(v, depth + 1)]),
    );
  }
  return value;
}
