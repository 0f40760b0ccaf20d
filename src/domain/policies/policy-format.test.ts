import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { AppError } from '../../errors.ts';
import { flattenPolicyTree, parsePolicyTree } from './policy-format.ts';

const at = (line: number) => (error: unknown) =>
  error instanceof AppError && error.code === 'PARSE_ERROR' && error.location.line === line;

describe('parsePolicyTree', () => {
  it('reads the indented text form (spaces, tabs, 全角スペース, comments, CRLF, BOM)', () => {
    const text = [
      '\uFEFF# みなと台市 第2次総合計画',
      '1 安全・安心に暮らせるまち',
      '  1-1 防災・減災対策の推進',
      '    1-1-1\t地域防災力の強化',
      '  1-2\u3000交通安全・防犯の推進',
      '',
      '2 健康でいきいきと暮らせるまち',
      '\t2-1 地域福祉の推進',
    ].join('\r\n');
    assert.deepEqual(parsePolicyTree(text), [
      {
        code: '1',
        name: '安全・安心に暮らせるまち',
        children: [
          {
            code: '1-1',
            name: '防災・減災対策の推進',
            children: [{ code: '1-1-1', name: '地域防災力の強化', children: [] }],
          },
          { code: '1-2', name: '交通安全・防犯の推進', children: [] },
        ],
      },
      {
        code: '2',
        name: '健康でいきいきと暮らせるまち',
        children: [{ code: '2-1', name: '地域福祉の推進', children: [] }],
      },
    ]);
  });

  it('reads JSON [{code, name, children}] and the same tree flattens parents first', () => {
    const tree = parsePolicyTree(
      JSON.stringify([
        { code: 'A', name: '基本目標A', children: [{ code: 'A1', name: '施策A1' }] },
        { code: 'B', name: '基本目標B' },
      ]),
    );
    assert.deepEqual(flattenPolicyTree(tree), [
      { code: 'A', name: '基本目標A', parentCode: null, depth: 0, position: 0 },
      { code: 'A1', name: '施策A1', parentCode: 'A', depth: 1, position: 0 },
      { code: 'B', name: '基本目標B', parentCode: null, depth: 0, position: 1 },
    ]);
  });

  it('rejects what it cannot place, with the line', () => {
    assert.throws(() => parsePolicyTree('1 まち\n   1-1 施策\n  1-2 施策'), at(3));
    assert.throws(() => parsePolicyTree('1 まち\n1-1'), at(2));
    assert.throws(() => parsePolicyTree('1 まち\n  1 施策'), /appears twice/);
    assert.throws(
      () => parsePolicyTree('[{"code": "1"}]'),
      (e: unknown) => e instanceof AppError && e.code === 'PARSE_ERROR',
    );
    assert.throws(() => parsePolicyTree('# only a comment\n'), /no policies/);
  });
});
