/**
 * `npm run cli -- <command>`: the operator's tools on the service's own configuration (the same
 * environment variables, README "Configuration") and database. Commands: catalog import|export|
 * template, archive export, verify, users create|disable|reset-password, demo (README "The command line").
 */
import { ConfigError, loadConfig, type AppConfig } from '../config/app-config';
import { runCli } from './run-cli';

async function main(): Promise<number> {
  let config: AppConfig;
  try {
    config = loadConfig();
  } catch (err) {
    if (!(err instanceof ConfigError)) throw err;
    console.error(err.message);
    return 1;
  }
  return runCli(process.argv.slice(2), config);
}

main().then(
  (code) => {
    process.exitCode = code;
  },
  (err: unknown) => {
    console.error(err instanceof Error ? (err.stack ?? err.message) : String(err));
    process.exitCode = 1;
  },
);
