/**
 * Import jobs: an import runs in the background of the main process (its
 * checks yield between slices), and the screen polls its status for the
 * progress bar and, at the end, the report. One import at a time.
 */
import { DomainError } from '../../shared/errors';
import { newGlobalId } from '../../shared/ids';
import type { CsvImportStatus } from '../../shared/catalog/csv-columns';
import type { Actor } from '../write';
import type { CsvImport } from './csv-import';

/** Rows listed in a report; the count says how many there were in all. */
const MAX_LISTED = 1000;
/** Finished jobs kept for their report. */
const KEEP = 5;

export function createCsvImportJobs(csv: CsvImport) {
  const jobs = new Map<string, CsvImportStatus>();
  let running: string | null = null;

  const update = (jobId: string, patch: Partial<CsvImportStatus>) => {
    const job = jobs.get(jobId);
    if (job) jobs.set(jobId, { ...job, ...patch });
  };

  async function run(jobId: string, text: string, actor: Actor): Promise<void> {
    try {
      const { errors, plan } = await csv.validate(text, (done, total) => update(jobId, { done, total }));
      if (errors.length > 0) {
        update(jobId, { phase: 'invalid', errors: errors.slice(0, MAX_LISTED), errorCount: errors.length });
        return;
      }
      update(jobId, { phase: 'writing', done: plan.rows, total: plan.rows });
      // Let the screen see "writing" before the one transaction runs.
      await new Promise<void>((resolve) => setImmediate(resolve));
      update(jobId, { phase: 'done', result: csv.apply(plan, actor) });
    } catch (err) {
      update(jobId, { phase: 'failed', failure: err instanceof DomainError ? err.message : 'the import failed; nothing was written (see the log)' });
      if (!(err instanceof DomainError)) console.error('[csv import]', err);
    } finally {
      running = null;
    }
  }

  return {
    start(text: string, actor: Actor): CsvImportStatus {
      if (running) throw new DomainError('CONFLICT', 'another import is running; wait for it to finish');
      const jobId = newGlobalId();
      const status: CsvImportStatus = { jobId, phase: 'validating', done: 0, total: 0, errors: [], errorCount: 0, result: null, failure: null };
      jobs.set(jobId, status);
      for (const id of [...jobs.keys()].slice(0, Math.max(0, jobs.size - KEEP))) if (id !== jobId) jobs.delete(id);
      running = jobId;
      void run(jobId, text, actor);
      return status;
    },

    status(jobId: string): CsvImportStatus {
      const job = jobs.get(jobId);
      if (!job) throw new DomainError('NOT_FOUND', `no import ${jobId}`, 'jobId');
      return job;
    },

    /** Resolves when no import is running (tests, shutdown). */
    async idle(): Promise<void> {
      while (running) await new Promise<void>((resolve) => setTimeout(resolve, 10));
    },
  };
}

export type CsvImportJobs = ReturnType<typeof createCsvImportJobs>;
