import { HtmlEscapedCallbackPhase, type HtmlEscapedString, resolveCallback } from 'hono/utils/html';

/** A hono/jsx element (or a promise of one, for async components) as its escaped HTML string. */
export async function renderFragment(node: HtmlEscapedString | Promise<HtmlEscapedString>): Promise<string> {
  return resolveCallback(await node, HtmlEscapedCallbackPhase.Stringify, false, {});
}
