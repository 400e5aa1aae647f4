/**
 * decodeURIComponent without the throw: null for a malformed %-escape ("%E0%A4%A", "%zz"),
 * which no URL this app produces contains. Callers decide what that means: a 404, a 400,
 * or keeping the text as written.
 */
export function decodeUriComponentOrNull(value: string): string | null {
  try {
    return decodeURIComponent(value);
  } catch (error) {
    if (error instanceof URIError) return null;
    throw error;
  }
}
