export { COUNTERS } from './counters.ts';
export { type ExtractedQuantity, extractQuantities } from './extract.ts';
export { fillQuantities, quantitiesOf } from './fill.ts';
export { indicatorNameOf, isCleanIndicatorName } from './indicator-name.ts';
export { type NoteKind, readNote, readTargets } from './roles.ts';
