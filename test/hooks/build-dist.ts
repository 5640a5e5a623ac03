/**
 * Mocha global set-up (loaded by .mocharc.json): builds dist/ once per run, before any test, as
 * `npm run build` does. Browser tests load the real web bundle from dist/web; process tests run
 * dist/server/main.js the way `npm start` does. Both builds take about a second together.
 */
import { buildServer } from '../../scripts/build-server.js';
import { buildWeb } from '../../scripts/build-web.js';

export async function mochaGlobalSetup(): Promise<void> {
  await Promise.all([buildWeb(), buildServer()]);
}
