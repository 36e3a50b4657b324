export function findBrowser(): Promise<string | null>;
export const NO_BROWSER: string;
export const CHROMIUM_ARGS: string[];
