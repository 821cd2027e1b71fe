import { catalogImportSuite } from '../support/catalog-import-suite';

describe('catalogs as tables: template, import, export (SQLite)', () => catalogImportSuite(false));
