/**
 * Whether the browser tests run. On a machine with only Node and npm they are skipped with a
 * warning; on CI (CI=true) a missing Chromium fails the run instead, so the pages are never
 * silently untested there.
 */
import { CHROMIUM, hasChromium } from '../../src/tools/browser';

/** `describe` when Chromium is there; `describe.skip` with a warning elsewhere; an error on CI. */
export function describeInBrowser(): jest.Describe {
  if (hasChromium()) return describe;
  if (process.env.CI)
    throw new Error(
      `Chromium not found at ${CHROMIUM}: the page tests cannot be skipped on CI (apt-get install chromium, or set CHROMIUM_PATH).`,
    );
  console.warn(`Chromium not found at ${CHROMIUM}: page tests skipped (apt-get install chromium).`);
  return describe.skip;
}
