/**
 * JSON that is safe inside `<script type="application/json">`: a `<` (and so `</script>` or
 * `<!--` in a webinar title) becomes \u003c, and U+2028/U+2029 are escaped too, so no text a
 * coordinator typed can end the element or start markup. JSON.parse reads it back unchanged.
 */
export function embedJson(value: unknown): string {
  return JSON.stringify(value)
    .replace(/</g, '\\u003c')
    .replace(/>/g, '\\u003e')
    .replace(/&/g, '\\u0026')
    .replace(/\u2028/g, '\\u2028')
    .replace(/\u2029/g, '\\u2029');
}
