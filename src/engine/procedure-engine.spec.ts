import { engineSuite } from '../../test/support/engine-suite';
import { sqliteTestDatabase } from '../../test/support/databases';

describe('ProcedureEngine on a SQLite file', () => engineSuite(sqliteTestDatabase));
