import path from 'node:path';

/**
 * The repository root, found from this file rather than the working
 * directory, so the CLI works from any cwd (and as the pos-admin bin).
 */
export const REPO_ROOT = path.resolve(import.meta.dirname, '../..');
export const MIGRATIONS_FOLDER = path.join(REPO_ROOT, 'db', 'migrations');
