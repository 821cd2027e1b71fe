import { CommandRunner } from 'nest-commander';
import type { CliIo } from '../cli-io';

/** A command whose refusals and failures are printed and set the exit code, instead of escaping. */
export abstract class CliCommand extends CommandRunner {
  constructor(protected readonly io: CliIo) {
    super();
  }

  async run(params: string[], options: Record<string, unknown> = {}): Promise<void> {
    try {
      await this.execute(params, options);
    } catch (err) {
      this.io.fail(err);
    }
  }

  protected abstract execute(params: string[], options: Record<string, unknown>): Promise<void>;
}

/** commander collects a repeated option into a list. */
export const collect = (value: string, previous: string[] = []): string[] => [...previous, ...value.split(',').map((v) => v.trim()).filter(Boolean)];
