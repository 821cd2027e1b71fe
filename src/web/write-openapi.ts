/**
 * `npm run web:api`: writes the service's OpenAPI document to `web/openapi.json`, from which the
 * console's client is generated (`web/src/api/generated`, @hey-api/openapi-ts). Both are checked in;
 * `openapi-document.spec.ts` fails while either differs from what the service describes now, so a
 * change of the API breaks the console's type check where the console must change.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createApp, openApiDocument } from '../app.factory';
import { loadConfig } from '../config/app-config';

export const OPENAPI_FILE = join('web', 'openapi.json');

/** The document as the console's generator reads it: keys in a stable order, two-space JSON. */
export async function currentOpenApiText(): Promise<string> {
  const dir = mkdtempSync(join(tmpdir(), 'openapi-'));
  const app = await createApp(
    loadConfig({ DB_PATH: join(dir, 'openapi.sqlite'), JWT_SECRET: 'only-to-describe-the-api-0123456789abcdef', WEB_ROOT: join(dir, 'none') }),
    { logger: ['error'] },
  );
  try {
    return `${JSON.stringify(openApiDocument(app), null, 2)}\n`;
  } finally {
    await app.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

async function main(): Promise<void> {
  writeFileSync(OPENAPI_FILE, await currentOpenApiText());
  console.log(OPENAPI_FILE);
}

if (require.main === module) {
  main().catch((err: unknown) => {
    console.error(err);
    process.exit(1);
  });
}
