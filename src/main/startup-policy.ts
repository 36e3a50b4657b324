/**
 * Start-up decisions of the desktop app, kept out of the Electron glue so
 * they are tested under plain Node.
 */

/**
 * POS_DEMO=1 seeds a demo store whose PINs are public (README): fine for
 * training and the e2e suite from a source checkout, never in a packaged
 * build, where an environment variable must not open a till to anyone.
 */
export function demoSeedDecision(env: NodeJS.ProcessEnv, isPackaged: boolean): { seed: boolean; refused: string | null } {
  if (env.POS_DEMO !== '1') return { seed: false, refused: null };
  if (isPackaged) return { seed: false, refused: 'POS_DEMO is ignored in an installed app: its demo staff have public PINs' };
  return { seed: true, refused: null };
}

/** One line for the log and the error box when the store cannot be opened. */
export function startupFailureLine(file: string, err: unknown): string {
  const message = err instanceof Error ? err.message : String(err);
  return `POS cannot start: ${message.includes(file) ? message : `${file}: ${message}`}`.replace(/\s+/g, ' ');
}
