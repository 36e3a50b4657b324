// electron-builder `beforePack` hook: refuses to package a release that would
// come out unsigned or (on macOS) un-notarised. electron-builder itself only
// warns and carries on, and an unsigned Windows build cannot update tills
// that run a signed one (electron-updater checks the publisher). For a local
// test build, POS_UNSIGNED_BUILD=1 skips the check. Plain JavaScript: the
// hook runs inside electron-builder, without our TypeScript toolchain.

const has = (env, ...names) => names.every((n) => typeof env[n] === 'string' && env[n].trim() !== '');

/** What is missing to sign (and notarise) a build for this platform; empty when nothing is. */
export function signingProblems(platform, env) {
  if (platform === 'win32') {
    if (has(env, 'WIN_CSC_LINK', 'WIN_CSC_KEY_PASSWORD') || has(env, 'CSC_LINK', 'CSC_KEY_PASSWORD')) return [];
    return ['Windows code signing: set CSC_LINK and CSC_KEY_PASSWORD (or WIN_CSC_LINK and WIN_CSC_KEY_PASSWORD) to the .pfx certificate whose subject CN is the publisherName in electron-builder.yml'];
  }
  if (platform === 'darwin') {
    const problems = [];
    if (!has(env, 'CSC_LINK') && !has(env, 'CSC_NAME')) {
      problems.push('macOS code signing: set CSC_LINK (and CSC_KEY_PASSWORD) to the Developer ID Application .p12, or CSC_NAME to its name in the keychain');
    }
    const notarise =
      has(env, 'APPLE_API_KEY', 'APPLE_API_KEY_ID', 'APPLE_API_ISSUER') ||
      has(env, 'APPLE_ID', 'APPLE_APP_SPECIFIC_PASSWORD', 'APPLE_TEAM_ID') ||
      has(env, 'APPLE_KEYCHAIN', 'APPLE_KEYCHAIN_PROFILE');
    if (!notarise) {
      problems.push('macOS notarisation: set APPLE_API_KEY, APPLE_API_KEY_ID and APPLE_API_ISSUER (App Store Connect API key), or APPLE_ID, APPLE_APP_SPECIFIC_PASSWORD and APPLE_TEAM_ID');
    }
    return problems;
  }
  // AppImage and deb are not signed: the update feed's sha512 (served over HTTPS) is what tills check.
  return [];
}

export default function beforePack(context) {
  const platform = context.electronPlatformName;
  if (process.env.POS_UNSIGNED_BUILD === '1') {
    console.warn(`  • POS_UNSIGNED_BUILD=1: packaging an UNSIGNED ${platform} build; never publish it to an update feed`);
    return;
  }
  const problems = signingProblems(platform, process.env);
  if (problems.length > 0) {
    throw new Error(`refusing to package an unsigned ${platform} release:\n  - ${problems.join('\n  - ')}\n(POS_UNSIGNED_BUILD=1 packages a local test build anyway)`);
  }
}
