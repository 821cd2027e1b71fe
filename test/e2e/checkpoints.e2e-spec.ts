import { checkpointsSuite } from '../support/checkpoints-suite';

checkpointsSuite(false);
