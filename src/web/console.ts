/**
 * The web console (`web/`, built into `web/dist`) at `/`: the built files only, served from the same
 * origin as the API, which the console calls like any client. The console routes by the URL's hash
 * (`/#/cases/…`), so no path of the API is shadowed and no fallback route is needed. Without a build
 * (tests, an API-only deployment) nothing is served and `/` answers 404 as before.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { NestExpressApplication } from '@nestjs/platform-express';

export function serveConsole(app: NestExpressApplication, webRoot: string): boolean {
  if (!existsSync(join(webRoot, 'index.html'))) return false;
  app.useStaticAssets(webRoot, { index: 'index.html', fallthrough: true, dotfiles: 'ignore' });
  return true;
}
