import { postgresTestDatabase } from '../../../test/support/databases';
import { boundedRefusalsMigrationSuite } from '../../../test/support/bounded-refusals-migration-suite';

boundedRefusalsMigrationSuite('PostgreSQL', postgresTestDatabase);
