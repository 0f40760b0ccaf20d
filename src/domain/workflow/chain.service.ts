/** A municipality's approval chain: read (the default when none is stored) and saved (authorised, audited). */
export { loadChain, saveChain } from './chain.repo.ts';
