import { unitReferenceSuite } from '../support/unit-references-suite';

describe('units named by requests, and unit deactivation (SQLite)', () => unitReferenceSuite(false));
