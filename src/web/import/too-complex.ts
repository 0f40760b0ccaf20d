/** What the upload page says when a file is over the importer's bounds or budget (IMPORT_TOO_COMPLEX). */
export const TOO_COMPLEX_TEXT =
  'このファイルは大きすぎるか複雑すぎるため、取り込めませんでした。一覧表のシートや行だけを残して不要な行・列・シートを削除するか、部局ごとの小さなファイルに分けて保存し直してから、もう一度取り込んでください。';
