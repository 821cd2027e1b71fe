import { Injectable } from '@nestjs/common';
import type { ProgressEntry } from '../../workflows/definition';
import type { DecisionSnapshot } from './procedure-engine';

/** A step of `progress` as the API shows it. */
export type ProgressView = ProgressEntry;

/** Each step's status and legal basis for a decision, as `GET /decisions/:id` and catalogs show it. */
@Injectable()
export class DecisionProgress {
  of(decision: DecisionSnapshot): ProgressView[] {
    return decision.def.progress(decision.procedure);
  }
}
