import { auditIncompleteSuite } from '../support/audit-incomplete-suite';

auditIncompleteSuite({ postgres: false, full: true });
