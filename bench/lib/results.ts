import fs from 'node:fs';

/** One figure as written to bench/results.json (GUIDE.md section 10). */
export interface BenchRecord {
  name: string;
  value: number;
  unit: string;
}

/** A figure plus what the table shows beside it. */
export interface BenchResult extends BenchRecord {
  /** The figure should stay below this (same unit); none for figures that are just reported. */
  aimBelow?: number;
  /** A short remark for the table, e.g. "quick run: 2,000 products". */
  note?: string;
}

export interface Results {
  add(result: BenchResult): void;
  all(): readonly BenchResult[];
  /** The printed table, one string per line. */
  table(): string[];
  /** Writes the JSON array of {name, value, unit}. */
  writeJson(file: string): void;
}

const verdict = (r: BenchResult): string => {
  if (r.aimBelow === undefined) return '';
  return r.value < r.aimBelow ? 'ok' : 'OVER AIM';
};

export function createResults(): Results {
  const rows: BenchResult[] = [];
  return {
    add(result) {
      if (rows.some((r) => r.name === result.name)) throw new Error(`benchmark figure ${result.name} recorded twice`);
      if (!Number.isFinite(result.value)) throw new Error(`benchmark figure ${result.name} is not a number`);
      rows.push(result);
    },
    all: () => rows,
    table() {
      const header = ['figure', 'value', 'unit', 'aim', '', 'note'];
      const cells = rows.map((r) => [
        r.name,
        String(r.value),
        r.unit,
        r.aimBelow === undefined ? '-' : `< ${r.aimBelow}`,
        verdict(r),
        r.note ?? '',
      ]);
      const widths = header.map((h, i) => Math.max(h.length, ...cells.map((c) => (c[i] ?? '').length)));
      const line = (c: string[]) =>
        c
          .map((x, i) => (i === 1 ? x.padStart(widths[i] ?? 0) : x.padEnd(widths[i] ?? 0)))
          .join('  ')
          .trimEnd();
      return [line(header), line(widths.map((w) => '-'.repeat(w))), ...cells.map(line)];
    },
    writeJson(file) {
      const json = rows.map(({ name, value, unit }) => ({ name, value, unit }));
      fs.writeFileSync(file, `${JSON.stringify(json, null, 2)}\n`);
    },
  };
}
