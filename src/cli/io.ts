/** Where a command writes; injectable so commands can be driven in-process. */
export interface CliIo {
  out(line: string): void;
  err(line: string): void;
  /** Rewrites the current stderr line (progress); only called when stderrIsTTY. */
  progress(text: string): void;
  stderrIsTTY: boolean;
  env: NodeJS.ProcessEnv;
}

export const processIo: CliIo = {
  out: (line) => process.stdout.write(`${line}\n`),
  err: (line) => process.stderr.write(`${line}\n`),
  progress: (text) => process.stderr.write(`\r\x1b[2K${text}`),
  stderrIsTTY: process.stderr.isTTY === true,
  env: process.env,
};
