import { HtmlEscapedCallbackPhase, type HtmlEscapedString, resolveCallback } from 'hono/utils/html';

/** What a hono/jsx element evaluates to: an escaped string, or a promise of one for async components. */
export type RenderedElement = HtmlEscapedString | Promise<HtmlEscapedString>;

/** Renders a page element to a complete HTML document (async: components may be async). */
export async function renderPage(node: RenderedElement): Promise<string> {
  const html = await resolveCallback(await node, HtmlEscapedCallbackPhase.Stringify, false, {});
  return `<!DOCTYPE html>${html}`;
}
