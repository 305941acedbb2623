// Headless Chromium from Debian's packages, driven by playwright-core (no browser download).
// Without Chromium the browser tests skip with a reason, except under CI=true where they fail.
import { existsSync } from 'node:fs';
import { chromium, type Browser } from 'playwright-core';

export function chromiumPath(): string | null {
  const candidates = [process.env.SITREP_CHROMIUM, '/usr/bin/chromium', '/usr/bin/chromium-browser'];
  return candidates.find((p): p is string => Boolean(p && existsSync(p))) ?? null;
}

/** The reason browser tests are skipped, or false when they can run. Throws under CI=true. */
export function browserSkipReason(): string | false {
  if (chromiumPath()) return false;
  const reason = 'Chromium is not installed (apt-get install chromium, or set SITREP_CHROMIUM)';
  if (process.env.CI === 'true') throw new Error(`CI=true but ${reason}`);
  return reason;
}

export async function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: chromiumPath() ?? undefined,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
}
