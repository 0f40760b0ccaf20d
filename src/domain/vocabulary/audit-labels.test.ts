import assert from 'node:assert/strict';
import { test } from 'node:test';
import { auditActions } from '../audit/actions.ts';
import { workflowActions } from '../workflow/state-machine.ts';
import { auditActionLabel, auditActionLabels, UNKNOWN_ACTION_LABEL } from './audit.ts';
import { literalsMatching, sourceFiles } from './source-scan.ts';

const JAPANESE = /[\u3040-\u30ff\u3400-\u9fff]/u;

test('every audit action has its own Japanese label', () => {
  const labels = auditActions.map((a) => auditActionLabels[a]);
  for (const [i, action] of auditActions.entries()) {
    const label = labels[i];
    assert.ok(label && JAPANESE.test(label) && !/[A-Za-z]/.test(label), `label of ${action}: ${label}`);
  }
  assert.equal(new Set(labels).size, labels.length, 'no two actions read the same');
  assert.equal(auditActionLabel('workflow.publish'), '公表');
  assert.equal(auditActionLabel('something.new'), UNKNOWN_ACTION_LABEL, 'an unknown code is not shown');
});

test('every audit action the code writes is in the typed list, so it has a label', () => {
  // Files that write to the trail, and the action names in them: `action: 'x'` literals and the names
  // handed to helpers that pass them on (withItem(…, 'quantity.add'), copyInto(…, 'block.copy_next_year')).
  const writers = new Set(
    sourceFiles()
      .filter((f) => /\b(appendAudit|auditEvaluation|recordGradingDecision)\(/.test(f.text))
      .map((f) => f.path),
  );
  assert.ok(writers.size >= 15, `writers found: ${writers.size}`);
  const written = [
    ...literalsMatching(
      /\b(?:appendAudit|auditEvaluation|recordGradingDecision)\(\w+, \w+, (?:\w+, )?\{[^}]*?\baction: '([^']+)'/g,
    ),
    ...literalsMatching(/,\s*'((?:quantity|block)\.\w+)'/g),
  ].filter((l) => writers.has(l.path));
  assert.ok(written.length >= 30, `actions found: ${written.length}`);
  const dynamic = literalsMatching(/action: `(\w+)\.\$\{/g).filter((l) => writers.has(l.path));
  assert.deepEqual(
    dynamic.map((d) => d.value),
    ['workflow'],
    'the only computed action is a workflow transition',
  );
  const names = [...written.map((w) => w.value), ...workflowActions.map((a) => `workflow.${a}`)];
  const known: readonly string[] = auditActions;
  const missing = names.filter((n) => !known.includes(n) || !(n in auditActionLabels));
  assert.deepEqual(
    missing,
    [],
    'add these to domain/audit/actions.ts and their labels to vocabulary/audit.ts',
  );
});
