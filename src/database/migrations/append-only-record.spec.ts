import { sqliteTestDatabase } from '../../../test/support/databases';
import { appendOnlySuite } from '../../../test/support/append-only-suite';

appendOnlySuite('SQLite', sqliteTestDatabase);
