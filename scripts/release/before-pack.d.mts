/** What is missing to sign (and notarise) a build for this platform; empty when nothing is. */
export function signingProblems(platform: string, env: Record<string, string | undefined>): string[];
export default function beforePack(context: { electronPlatformName: string }): void;
