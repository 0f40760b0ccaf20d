import type { ColumnKind, ColumnSpec } from '../../exporters/csv/index.ts';

const kindLabels: Record<ColumnKind, string> = {
  text: '文字列',
  number: '数値',
  code: '文字列（決まった値）',
};

/** 項目名・説明・型・例: what a column holds, for people writing a program against the file. */
export function ColumnDictionary({
  id,
  caption,
  columns,
}: {
  id: string;
  caption: string;
  columns: readonly ColumnSpec[];
}) {
  return (
    // Focusable so that keyboard users can scroll the wide table on a narrow screen (axe scrollable-region-focusable).
    <section class="od-scroll" aria-label={caption} tabindex={0}>
      <table class="od-table od-dictionary" id={id}>
        <caption>{caption}</caption>
        <thead>
          <tr>
            <th scope="col">列</th>
            <th scope="col">項目名</th>
            <th scope="col">説明</th>
            <th scope="col">型</th>
            <th scope="col">例</th>
          </tr>
        </thead>
        <tbody>
          {columns.map((c, i) => (
            <tr>
              <td class="od-num">{i + 1}</td>
              <th scope="row">{c.name}</th>
              <td>
                {c.description}
                {c.values ? <span class="od-values">値: {c.values.join('、')}</span> : null}
              </td>
              <td>{kindLabels[c.kind]}</td>
              <td>
                <code>{c.example}</code>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}
