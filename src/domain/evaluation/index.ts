/** The evaluation module's public API: targets against achievements, indicators, grades, roll-ups. */
export { findAsOfs, parseAsOf } from './as-of.ts';
export { type Average, averageOf, averageText } from './average.ts';
export { type EvaluateOptions, evaluateCity, evaluateDepartmentYear } from './evaluate.service.ts';
export * from './evaluation.types.ts';
export { type GoalGrade, type GoalSelfRating, goalGrade, selfGradeOf } from './goal-grade.ts';
export {
  type GradeScaleInput,
  getGradeScale,
  type RegradeCandidate,
  recordPublishedScale,
  regradeCandidates,
  regradeYear,
  removeSelfAssessment,
  setGradeScale,
  setSelfAssessment,
} from './grade.service.ts';
export { listScaleVersions, type ScaleVersion, scaleForYear } from './grade-scale.repo.ts';
export {
  DEFAULT_SCALE,
  describeScale,
  GRADE_PRESETS,
  type GradeBand,
  type GradeScale,
  gradeOf,
} from './grades.ts';
export { type IndicatorInput, removeIndicator, setIndicator } from './indicator.service.ts';
export {
  clearMatch,
  confirmMatch,
  type MatchResult,
  rejectMatch,
  setMatch,
  suggestMatches,
} from './match.service.ts';
export { achievementRate, type RateResult } from './rate.ts';
export { RATE_CAP } from './rollup.ts';
export { formatCityEvaluation, formatDepartmentEvaluation } from './text-report.ts';
