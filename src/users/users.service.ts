import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import type { Role } from '../auth/auth-user';
import { DomainError, NotFoundError } from '../common/errors/domain-error';
import { isUniqueViolation } from '../common/errors/unique-violation';
import { Page, type PageQueryDto } from '../common/pagination';
import { TransactionRunner } from '../database/transaction-runner';
import { OrgUnitsService } from '../org-units/org-units.service';
import { PasswordHasher } from './password-hasher';
import { UsersRepository, type User } from './users.repository';

export type { User } from './users.repository';

export interface CreateUserInput {
  username: string;
  password: string;
  displayName: string;
  orgUnitId: string;
  roles: Role[];
}

const usernameTaken = (username: string) =>
  new DomainError(409, 'USERNAME_TAKEN', `The username ${username} is already taken.`, {
    errors: [{ field: 'username', message: 'username is already taken' }],
  });

/** User accounts. Passwords go in as plain text and come out nowhere: only their bcrypt hash is stored. */
@Injectable()
export class UsersService {
  constructor(
    private readonly runner: TransactionRunner,
    private readonly repo: UsersRepository,
    private readonly orgUnits: OrgUnitsService,
    private readonly hasher: PasswordHasher,
  ) {}

  async create(input: CreateUserInput): Promise<User> {
    const username = input.username.toLowerCase();
    if (!(await this.orgUnits.find(input.orgUnitId))) {
      throw new DomainError(400, 'ORG_UNIT_NOT_FOUND', `No organisation unit ${input.orgUnitId}.`, {
        errors: [{ field: 'orgUnitId', message: 'orgUnitId names no organisation unit' }],
      });
    }
    // Refuse a taken name before spending a bcrypt round; checked again below, inside the write.
    if (await this.runner.read((tx) => this.repo.usernameTaken(tx, username))) throw usernameTaken(username);
    // Hashing is slow by design: done outside the write so that it holds no lock.
    const passwordHash = await this.hasher.hash(input.password);
    const now = new Date().toISOString();
    const user: User = {
      id: randomUUID(),
      username,
      displayName: input.displayName,
      orgUnitId: input.orgUnitId,
      roles: [...input.roles],
      disabled: false,
      createdAt: now,
      updatedAt: now,
    };
    try {
      await this.runner.write(async (tx) => {
        if (await this.repo.usernameTaken(tx, username)) throw usernameTaken(username);
        await this.repo.insert(tx, user, passwordHash);
      });
    } catch (err) {
      // PostgreSQL, two instances: the unique index settles a race the check above did not see.
      if (isUniqueViolation(err)) throw usernameTaken(username);
      throw err;
    }
    return user;
  }

  list(query: PageQueryDto): Promise<Page<User>> {
    return this.runner.read(
      async (tx) => new Page(await this.repo.list(tx, query.offset, query.pageSize), await this.repo.count(tx)),
    );
  }

  async get(id: string): Promise<User> {
    const user = await this.runner.read((tx) => this.repo.findById(tx, id));
    if (!user) throw new NotFoundError('User', id);
    return user;
  }

  /** The user if it exists and is not disabled: what the JWT guard admits. */
  async findActive(id: string): Promise<User | undefined> {
    const user = await this.runner.read((tx) => this.repo.findById(tx, id));
    return user && !user.disabled ? user : undefined;
  }

  /**
   * The user whose username and password these are, if it is active; undefined otherwise, after
   * the same bcrypt work either way (no hint about which usernames exist).
   */
  async verifyCredentials(username: string, password: string): Promise<User | undefined> {
    const found = await this.runner.read((tx) => this.repo.findCredential(tx, username.toLowerCase()));
    if (!found) {
      await this.hasher.burn(password);
      return undefined;
    }
    const ok = await this.hasher.verify(password, found.passwordHash);
    return ok && !found.user.disabled ? found.user : undefined;
  }

  /**
   * The first administrator, created only while no user exists at all. False when there already
   * is one (including one created a moment ago by another instance).
   */
  async createFirstAdmin(username: string, password: string): Promise<boolean> {
    if ((await this.runner.read((tx) => this.repo.count(tx))) > 0) return false;
    const passwordHash = await this.hasher.hash(password);
    const now = new Date().toISOString();
    const admin: User = {
      id: randomUUID(),
      username: username.toLowerCase(),
      displayName: 'Administrator',
      orgUnitId: null,
      roles: ['admin'],
      disabled: false,
      createdAt: now,
      updatedAt: now,
    };
    try {
      return await this.runner.write(async (tx) => {
        if ((await this.repo.count(tx)) > 0) return false;
        await this.repo.insert(tx, admin, passwordHash);
        return true;
      });
    } catch (err) {
      if (isUniqueViolation(err)) return false;
      throw err;
    }
  }
}
