import { sqliteTestDatabase } from '../../../test/support/databases';
import { boundedRefusalsMigrationSuite } from '../../../test/support/bounded-refusals-migration-suite';

boundedRefusalsMigrationSuite('SQLite', sqliteTestDatabase);
