// Escapes text for HTML and SVG (XML) content and attribute values.

const ENTITIES: Readonly<Record<string, string>> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/**
 * Escapes `&`, `<`, `>`, `"` and `'` so that any value is safe as element text or as a
 * quoted attribute value, in HTML and in SVG alike. Control characters XML forbids are dropped.
 * @param text any value (identifier values, file names, details come from user data)
 * @returns the text with markup characters replaced by entities
 */
export function escapeMarkup(text: string | number): string {
  return String(text)
    .replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]/g, '')
    .replace(/[&<>"']/g, (character) => ENTITIES[character]!);
}
