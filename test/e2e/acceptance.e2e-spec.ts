import { acceptanceSuite } from '../support/acceptance-suite';

acceptanceSuite(false);
