/**
 * Issue 13 defect 8: how many random truncations of the seed text parse with nothing to say the
 * text was cut. "Silent" = no error and no warning beyond those of the whole text. Cuts fall on
 * character boundaries (a cut inside a UTF-8 sequence is a decoding matter). Run with
 * `npx tsx bench/truncations.bench.ts [count, default 250]`.
 */
import { readFileSync } from 'node:fs';
import { decodeInput } from '../src/importer/decode.ts';
import { parseIchiranText } from '../src/importer/text/parse-text.ts';

const count = Number(process.argv[2] ?? 250);
const seed = decodeInput(
  readFileSync(new URL('../../shared/seeds/000_e224602d88f71594.txt', import.meta.url)),
);
const baseline = new Set(parseIchiranText(seed).warnings.map((w) => w.message));

// Deterministic, so runs compare: mulberry32.
let state = 20261203;
function random(): number {
  state = (state + 0x6d2b79f5) | 0;
  let t = Math.imul(state ^ (state >>> 15), 1 | state);
  t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ (t + Math.imul(t ^ (t >>> 14), 59 | t));
  return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
}

const tally = { error: 0, warned: 0, silent: 0, silentAtLineEnd: 0 };
const examples: string[] = [];
for (let i = 0; i < count; i++) {
  const at = 1 + Math.floor(random() * (seed.length - 1));
  const text = seed.slice(0, at);
  try {
    const fresh = parseIchiranText(text).warnings.filter((w) => !baseline.has(w.message));
    if (fresh.length > 0) tally.warned += 1;
    else {
      tally.silent += 1;
      const atLineEnd = seed[at] === '\n' || /\n\s*$/.test(text);
      if (atLineEnd) tally.silentAtLineEnd += 1;
      else if (examples.length < 5) examples.push(JSON.stringify(text.slice(-60)));
    }
  } catch {
    tally.error += 1;
  }
}
console.log(
  `${count} truncations: ${tally.error} refused with an error, ${tally.warned} warned, ${tally.silent} silent`,
);
console.log(`silent at a line end (whole rows kept, nothing to detect): ${tally.silentAtLineEnd}`);
for (const e of examples) console.log(`silent mid-line: …${e}`);
