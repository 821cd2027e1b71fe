import { auditIncompleteSuite } from '../support/audit-incomplete-suite';

auditIncompleteSuite({ postgres: true, full: false });
