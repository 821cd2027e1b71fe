import { adminHousekeepingSuite } from '../support/admin-housekeeping-suite';

adminHousekeepingSuite(true);
