import { randomBytes } from 'node:crypto';
import { Inject, Injectable, Logger, type OnApplicationBootstrap } from '@nestjs/common';
import { APP_CONFIG, type AppConfig } from '../config/app-config';
import { passwordRulesBroken } from './password-policy';
import { UsersService } from './users.service';

/**
 * On start, when no user exists: creates ADMIN_USERNAME with ADMIN_PASSWORD, or with a generated
 * password printed once to the log (the one password that is ever logged, S2).
 *
 * The first administrator has no organisation unit: none exists yet on a fresh database, and
 * `admin` manages units and users without ever acting in a unit's procedure (see AuthUser).
 */
@Injectable()
export class AdminBootstrap implements OnApplicationBootstrap {
  private readonly logger = new Logger('AdminBootstrap');

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly users: UsersService,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    const { username } = this.config.admin;
    const password = this.config.admin.password ?? generatedPassword(username);
    if (!(await this.users.createFirstAdmin(username, password))) return;
    if (this.config.admin.password) {
      this.logger.log(`First administrator "${username}" created with ADMIN_PASSWORD.`);
    } else {
      this.logger.warn(
        `First administrator "${username}" created with the generated password ${password} — shown this once; keep it safe.`,
      );
    }
  }
}

/** 20 random characters of base64url that pass the password rule (a draw without a digit, say, is drawn again). */
export function generatedPassword(username: string): string {
  for (;;) {
    const password = randomBytes(15).toString('base64url');
    if (passwordRulesBroken(password, username).length === 0) return password;
  }
}
