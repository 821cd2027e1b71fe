import { checkpointsSuite } from '../support/checkpoints-suite';

checkpointsSuite(true);
