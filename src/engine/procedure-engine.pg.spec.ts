import { engineSuite } from '../../test/support/engine-suite';
import { postgresTestDatabase } from '../../test/support/databases';

describe('ProcedureEngine on PostgreSQL', () => engineSuite(postgresTestDatabase));
