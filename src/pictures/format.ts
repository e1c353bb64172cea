// Number, duration and label formatting shared by the charts, the report page and the pictures.

/** 12,345 (en-US grouping, independent of the machine's locale). */
export function formatCount(value: number): string {
  return value.toLocaleString('en-US');
}

/** Milliseconds as seconds with two decimals (`0.84 s`), or `950 ms` below one second. */
export function formatDuration(ms: number): string {
  return ms < 1000 ? `${Math.round(ms)} ms` : `${(ms / 1000).toFixed(2)} s`;
}

/** A link weight: `1` for exact links, two decimals for fuzzy scores (`0.87`). */
export function formatWeight(weight: number): string {
  return Number.isInteger(weight) ? String(weight) : weight.toFixed(2);
}

/** Shortens `text` to at most `max` characters, ending in `…` when cut. */
export function truncate(text: string, max: number): string {
  return text.length <= max ? text : `${text.slice(0, Math.max(1, max - 1))}…`;
}

/** A coordinate with one decimal: keeps SVG output small and byte-for-byte stable. */
export function coordinate(value: number): string {
  const rounded = Math.round(value * 10) / 10;
  return Object.is(rounded, -0) ? '0' : String(rounded);
}
