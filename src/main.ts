import { Logger } from '@nestjs/common';
import { createApp } from './app.factory';
import { createJsonLogger } from './common/logging/json-logger';
import { ConfigError, loadConfig, type AppConfig } from './config/app-config';

async function main(): Promise<void> {
  let config: AppConfig;
  try {
    config = loadConfig();
  } catch (err) {
    if (!(err instanceof ConfigError)) throw err;
    console.error(err.message);
    process.exit(1);
  }
  Logger.overrideLogger(createJsonLogger());
  const app = await createApp(config);
  await app.listen(config.port);
  new Logger('Main').log(`Listening on http://localhost:${config.port} (API docs at /docs)`);
}

main().catch((err: unknown) => {
  new Logger('Main').fatal(err instanceof Error ? err : String(err));
  process.exit(1);
});
