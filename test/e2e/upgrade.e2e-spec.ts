import { sqliteTestDatabase } from '../support/databases';
import { upgradeSuite } from '../support/upgrade-suite';

upgradeSuite('SQLite', sqliteTestDatabase);
