import { acceptanceSuite } from '../support/acceptance-suite';

acceptanceSuite(true);
