import { postgresTestDatabase } from '../support/databases';
import { upgradeSuite } from '../support/upgrade-suite';

upgradeSuite('PostgreSQL', postgresTestDatabase);
