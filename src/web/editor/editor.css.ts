import { readFileSync } from 'node:fs';

/** Read once at start-up and served as one stylesheet: page furniture, then goals and items. */
export const editorCss = ['./editor.css', './editor-blocks.css']
  .map((name) => readFileSync(new URL(name, import.meta.url), 'utf8'))
  .join('\n');
