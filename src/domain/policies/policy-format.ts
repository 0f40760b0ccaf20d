import { z } from 'zod';
import { AppError } from '../../errors.ts';

/** One node of the 総合計画 policy tree (基本目標 → 施策 → 基本事業 …). */
export interface PolicyNodeInput {
  code: string;
  name: string;
  children: PolicyNodeInput[];
}

interface PolicyNodeJson {
  code: string;
  name: string;
  children?: PolicyNodeJson[] | undefined;
}

const nodeSchema: z.ZodType<PolicyNodeJson> = z.lazy(() =>
  z.object({
    code: z.string().trim().min(1),
    name: z.string().trim().min(1),
    children: z.array(nodeSchema).optional(),
  }),
);
const treeSchema = z.array(nodeSchema).min(1);

/**
 * Reads a policy tree. JSON: `[{ "code": "1", "name": "…", "children": [ … ] }]`.
 * Indented text (the text form): one node per line, `CODE NAME`, code and name separated by
 * whitespace (space, tab or 全角スペース); a child is indented deeper than its parent, siblings equally
 * (a tab counts as 4 spaces, a 全角スペース as 2). Blank lines and lines starting with `#` are ignored.
 *
 *     # みなと台市 第2次総合計画
 *     1 安全・安心に暮らせるまち
 *       1-1 防災・減災対策の推進
 *       1-2 交通安全・防犯の推進
 *     2 健康でいきいきと暮らせるまち
 */
export function parsePolicyTree(text: string): PolicyNodeInput[] {
  const body = text.replace(/^\uFEFF/, '');
  const tree = /^\s*\[/.test(body) ? parseJson(body) : parseIndented(body);
  assertUniqueCodes(tree);
  return tree;
}

function parseJson(text: string): PolicyNodeInput[] {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    throw new AppError('PARSE_ERROR', `not JSON: ${error instanceof Error ? error.message : String(error)}`);
  }
  const parsed = treeSchema.safeParse(value);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new AppError('PARSE_ERROR', `policy tree: ${issue?.message ?? 'invalid'}`, {
      field: issue?.path.join('.') || undefined,
    });
  }
  const normalise = (n: PolicyNodeJson): PolicyNodeInput => ({
    code: n.code,
    name: n.name,
    children: (n.children ?? []).map(normalise),
  });
  return parsed.data.map(normalise);
}

function indentOf(prefix: string): number {
  let width = 0;
  for (const ch of prefix) width += ch === '\t' ? 4 : ch === '\u3000' ? 2 : 1;
  return width;
}

interface OpenNode {
  indent: number;
  children: PolicyNodeInput[];
  /** Indentation of the first child: every sibling must match it. */
  childIndent: number | null;
}

function parseIndented(text: string): PolicyNodeInput[] {
  const root: OpenNode = { indent: -1, children: [], childIndent: null };
  const open: OpenNode[] = [root];
  for (const [index, raw] of text.split(/\r\n|\r|\n/).entries()) {
    const line = index + 1;
    const content = raw.trim();
    if (content === '' || content.startsWith('#')) continue;
    const match = /^(\S+)[\s\u3000]+(.+)$/u.exec(content);
    if (!match) throw new AppError('PARSE_ERROR', `expected "CODE NAME", got "${content}"`, { line });
    const indent = indentOf(raw.slice(0, raw.length - raw.trimStart().length));
    while ((open[open.length - 1] as OpenNode).indent >= indent) open.pop();
    const parent = open[open.length - 1] as OpenNode;
    parent.childIndent ??= indent;
    if (parent.childIndent !== indent) {
      throw new AppError('PARSE_ERROR', 'indentation matches neither a sibling nor a child level', { line });
    }
    const node: PolicyNodeInput = {
      code: match[1] as string,
      name: (match[2] as string).trim(),
      children: [],
    };
    parent.children.push(node);
    open.push({ indent, children: node.children, childIndent: null });
  }
  if (root.children.length === 0) throw new AppError('PARSE_ERROR', 'no policies in the file');
  return root.children;
}

function assertUniqueCodes(tree: PolicyNodeInput[]): void {
  const seen = new Set<string>();
  const visit = (node: PolicyNodeInput) => {
    if (seen.has(node.code))
      throw new AppError('PARSE_ERROR', `code "${node.code}" appears twice`, { field: 'code' });
    seen.add(node.code);
    node.children.forEach(visit);
  };
  tree.forEach(visit);
}

/** Depth-first, parents before children: how the tree is stored. */
export function flattenPolicyTree(
  tree: PolicyNodeInput[],
): Array<{ code: string; name: string; parentCode: string | null; depth: number; position: number }> {
  const out: Array<{
    code: string;
    name: string;
    parentCode: string | null;
    depth: number;
    position: number;
  }> = [];
  const visit = (nodes: PolicyNodeInput[], parentCode: string | null, depth: number) => {
    for (const [position, node] of nodes.entries()) {
      out.push({ code: node.code, name: node.name, parentCode, depth, position });
      visit(node.children, node.code, depth + 1);
    }
  };
  visit(tree, null, 0);
  return out;
}
