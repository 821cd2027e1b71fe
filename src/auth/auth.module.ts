import { createSecretKey } from 'node:crypto';
import { Module } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { JwtModule } from '@nestjs/jwt';
import { APP_CONFIG, type AppConfig } from '../config/app-config';
import { UsersModule } from '../users/users.module';
import { AuthController } from './auth.controller';
import { AuthService } from './auth.service';
import { JwtAuthGuard } from './jwt-auth.guard';
import { LoginAttemptLimiter } from './login-attempt-limiter';
import { RolesGuard } from './roles.guard';

export const TOKEN_ISSUER = 'major-decision-engine';

/**
 * Login and the two global guards, in this order: JwtAuthGuard (401) then RolesGuard (403).
 * Routes opt out with @Public() and narrow with @Roles(...) (src/common/auth).
 */
@Module({
  imports: [
    UsersModule,
    JwtModule.registerAsync({
      inject: [APP_CONFIG],
      useFactory: (config: AppConfig) => ({
        // A KeyObject, not the string: given a string, jsonwebtoken first tries to parse it as a
        // public key on every verify (an exception per request, ~10% of a request's CPU).
        secret: createSecretKey(Buffer.from(config.auth.jwtSecret, 'utf8')) as unknown as string,
        signOptions: { algorithm: 'HS256', expiresIn: config.auth.jwtExpiresIn, issuer: TOKEN_ISSUER },
        verifyOptions: { algorithms: ['HS256'], issuer: TOKEN_ISSUER },
      }),
    }),
  ],
  controllers: [AuthController],
  providers: [
    AuthService,
    { provide: LoginAttemptLimiter, useFactory: () => new LoginAttemptLimiter() },
    { provide: APP_GUARD, useClass: JwtAuthGuard },
    { provide: APP_GUARD, useClass: RolesGuard },
  ],
})
export class AuthModule {}
