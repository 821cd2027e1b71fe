import type { Command } from 'commander';
import { CommandFactory, CommandRunnerService } from 'nest-commander';
import type { AppConfig } from '../config/app-config';
import { CliIo, EXIT } from './cli-io';
import { commanderMessage } from './commander-words';
import { CliModule } from './cli.module';

/**
 * Runs one command line (`argv` without node and the script) on the configuration given, and
 * answers its exit code. The application context is closed before it returns.
 */
export async function runCli(argv: string[], config: AppConfig, io = new CliIo()): Promise<number> {
  const app = await CommandFactory.createWithoutRunning(CliModule.forRoot(config, io), {
    logger: ['error', 'fatal'],
    cliName: 'npm run cli --',
    outputConfiguration: {
      writeOut: (text) => io.raw(text),
      writeErr: (text) => io.rawErr(text),
      outputError: (text, write) => write(commanderMessage(text)),
    },
    // commander's own ends (help, a usage error) are answered with its exit code rather than by leaving the process.
    errorHandler: (err: Error & { exitCode?: number }) => {
      throw Object.assign(err, { cliExit: err.exitCode ?? EXIT.failed });
    },
    serviceErrorHandler: (err: Error & { cliExit?: number }) => {
      if (err.cliExit !== undefined) io.exitCode = err.cliExit;
      else io.fail(err);
    },
  });
  const runner = app.get(CommandRunnerService);
  // nest-commander sets the exit override on the root command only: a usage error of a subcommand
  // (\`archive export\` without its folder) would leave the process at once, past the exit code and
  // the database's close. Every command of the tree gets it.
  const overrideExit = (command: Command): void => {
    command.exitOverride((err) => {
      throw Object.assign(err, { cliExit: err.exitCode ?? EXIT.failed });
    });
    command.commands.forEach(overrideExit);
  };
  overrideExit((runner as unknown as { commander: Command }).commander);
  try {
    await runner.run(['node', 'cli', ...argv]);
  } finally {
    await app.close();
  }
  return io.exitCode;
}
