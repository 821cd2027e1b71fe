import { auditViolationsSuite } from '../support/audit-violations-suite';

auditViolationsSuite(true);
