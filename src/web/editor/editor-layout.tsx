import type { Child } from 'hono/jsx';
import { Layout } from '../components/layout.tsx';
import { editorUrls } from './editor.urls.ts';

/** Staff pages of the editor: the staff and editor stylesheets, the unsaved-changes warning, a way back to the menu. */
export function EditorLayout({ title, children }: { title: string; children: Child }) {
  return (
    <Layout
      title={title}
      stylesheets={['/assets/staff.css', editorUrls.stylesheet()]}
      scripts={[editorUrls.unsavedGuard()]}
    >
      <div class="page editor">
        <nav class="editor-nav" aria-label="職員メニュー">
          <a href="/staff">職員メニュー</a>
          <span aria-hidden="true"> › </span>
          <a href={editorUrls.list()}>目標の編集</a>
        </nav>
        {children}
      </div>
    </Layout>
  );
}
