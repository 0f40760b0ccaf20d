// The pages print item numbers with the one definition in the vocabulary module.
export { circledNumber } from '../domain/vocabulary/numbering.ts';
