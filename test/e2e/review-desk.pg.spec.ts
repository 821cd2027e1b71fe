import { reviewDeskSuite } from '../support/review-desk-suite';

reviewDeskSuite(true);
