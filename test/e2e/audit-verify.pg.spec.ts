import { auditVerifySuite } from '../support/audit-verify-suite';

auditVerifySuite(true);
