export { COUNTERS } from './counters.ts';
export { type ExtractedQuantity, extractQuantities } from './extract.ts';
export { fillQuantities, quantitiesOf } from './fill.ts';
