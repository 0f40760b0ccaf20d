import type { Phase } from '../../db/schema.ts';

/** The read-only review of one phase: what an approver approves, linked from every card. */
export const reviewUrls = {
  phase: (departmentId: number, year: number, phase: Phase) =>
    `/staff/review/${departmentId}/${year}/${phase}`,
  stylesheet: () => '/assets/review.css',
};
