import { Module } from '@nestjs/common';
import { OrgUnitsModule } from '../org-units/org-units.module';
import { AdminBootstrap } from './admin-bootstrap';
import { PasswordHasher } from './password-hasher';
import { UsersController } from './users.controller';
import { UsersRepository } from './users.repository';
import { UsersService } from './users.service';

/** User accounts and the first administrator; exports UsersService for login and the JWT guard. */
@Module({
  imports: [OrgUnitsModule],
  controllers: [UsersController],
  providers: [UsersService, UsersRepository, PasswordHasher, AdminBootstrap],
  exports: [UsersService],
})
export class UsersModule {}
