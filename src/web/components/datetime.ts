const formatter = new Intl.DateTimeFormat('ja-JP', {
  timeZone: 'Asia/Tokyo',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  second: '2-digit',
});

/** Stored instants are UTC; people read them in Japan time, whatever the server's zone. */
export function formatTokyo(iso: string): string {
  return formatter.format(new Date(iso));
}
