import { randomBytes } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { compare, hash } from 'bcryptjs';
import { APP_CONFIG, type AppConfig } from '../config/app-config';

/**
 * bcrypt (adaptive, S2) at the configured cost: 12 in production, as low as 4 in tests. The async
 * functions yield to the event loop while they work, so a login does not stall other requests.
 */
@Injectable()
export class PasswordHasher {
  private dummyHash?: Promise<string>;

  constructor(@Inject(APP_CONFIG) private readonly config: AppConfig) {}

  hash(password: string): Promise<string> {
    return hash(password, this.config.auth.bcryptCost);
  }

  verify(password: string, passwordHash: string): Promise<boolean> {
    return compare(password, passwordHash);
  }

  /**
   * Spends the time of a real comparison when there is no user, so that the answer time does not
   * tell which usernames exist. The hash is made on first need, not at start (P5: start time).
   */
  async burn(password: string): Promise<void> {
    this.dummyHash ??= this.hash(randomBytes(16).toString('hex'));
    await compare(password, await this.dummyHash);
  }
}
