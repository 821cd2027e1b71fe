import { Inject, Injectable } from '@nestjs/common';
import { JwtService } from '@nestjs/jwt';
import { DomainError } from '../common/errors/domain-error';
import { APP_CONFIG, type AppConfig } from '../config/app-config';
import { UsersService, type User } from '../users/users.service';
import type { Role } from './auth-user';
import { LoginAttemptLimiter } from './login-attempt-limiter';

/** What an access token says; the JWT guard still loads the user it names. */
export interface TokenClaims {
  sub: string;
  username: string;
  roles: Role[];
  orgUnitId: string | null;
}

export interface LoginResult {
  accessToken: string;
  tokenType: 'Bearer';
  expiresIn: number;
  user: User;
}

@Injectable()
export class AuthService {
  constructor(
    private readonly users: UsersService,
    private readonly jwt: JwtService,
    private readonly limiter: LoginAttemptLimiter,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async login(username: string, password: string, clientAddress: string): Promise<LoginResult> {
    const attempt = this.limiter.begin(username.toLowerCase(), clientAddress || 'unknown');
    const user = await this.users.verifyCredentials(username, password);
    if (!user) throw new DomainError(401, 'INVALID_CREDENTIALS', 'Wrong username or password.');
    attempt.succeeded();
    const claims: TokenClaims = { sub: user.id, username: user.username, roles: user.roles, orgUnitId: user.orgUnitId };
    return {
      accessToken: await this.jwt.signAsync(claims),
      tokenType: 'Bearer',
      expiresIn: this.config.auth.jwtExpiresIn,
      user,
    };
  }
}
