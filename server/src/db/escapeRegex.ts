/** Escapes text for a `$regex` that must match it literally (search boxes, category prefixes). */
export const escapeRegex = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')
