/** The API client of the console, generated from the service's own OpenAPI document (`npm run web:api`). */
import { defineConfig } from '@hey-api/openapi-ts';

export default defineConfig({
  input: './web/openapi.json',
  output: { path: './web/src/api/generated', format: false, lint: false },
  plugins: ['@hey-api/client-fetch', '@hey-api/typescript', '@hey-api/sdk'],
});
