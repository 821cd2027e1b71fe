import { CommandFactory, CommandRunnerService } from 'nest-commander';
import type { AppConfig } from '../config/app-config';
import { CliIo, EXIT } from './cli-io';
import { CliModule } from './cli.module';

/**
 * Runs one command line (`argv` without node and the script) on the configuration given, and
 * answers its exit code. The application context is closed before it returns.
 */
export async function runCli(argv: string[], config: AppConfig, io = new CliIo()): Promise<number> {
  const app = await CommandFactory.createWithoutRunning(CliModule.forRoot(config, io), {
    logger: ['error', 'fatal'],
    cliName: 'npm run cli --',
    // commander's own ends (help, a usage error) are answered with its exit code rather than by leaving the process.
    errorHandler: (err: Error & { exitCode?: number }) => {
      throw Object.assign(err, { cliExit: err.exitCode ?? EXIT.failed });
    },
    serviceErrorHandler: (err: Error & { cliExit?: number }) => {
      if (err.cliExit !== undefined) io.exitCode = err.cliExit;
      else io.fail(err);
    },
  });
  try {
    await app.get(CommandRunnerService).run(['node', 'cli', ...argv]);
  } finally {
    await app.close();
  }
  return io.exitCode;
}
