import { unitReferenceSuite } from '../support/unit-references-suite';

describe('units named by requests, and unit deactivation (PostgreSQL)', () => unitReferenceSuite(true));
