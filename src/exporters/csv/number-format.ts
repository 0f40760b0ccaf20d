const plain = new Intl.NumberFormat('en-US', { useGrouping: false, maximumFractionDigits: 20 });

/** A number as a spreadsheet reads it: no exponent (246000000, not 2.46e8), no grouping, "." decimals. */
export function formatPlainNumber(value: number): string {
  if (!Number.isFinite(value)) throw new RangeError(`not a finite number: ${value}`);
  if (Number.isInteger(value)) return BigInt(value).toString();
  return plain.format(value);
}
