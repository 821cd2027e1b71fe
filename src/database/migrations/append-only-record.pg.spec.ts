import { postgresTestDatabase } from '../../../test/support/databases';
import { appendOnlySuite } from '../../../test/support/append-only-suite';

appendOnlySuite('PostgreSQL', postgresTestDatabase);
