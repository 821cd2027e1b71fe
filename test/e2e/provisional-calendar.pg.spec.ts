import { provisionalCalendarSuite } from '../support/provisional-calendar-suite';

provisionalCalendarSuite({ postgres: true });
