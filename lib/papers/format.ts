// Display helpers shared by pages, feeds and emails.

export function formatAuthors(authors: string[], shown = 3): string {
  if (authors.length === 0) return "Unknown authors";
  if (authors.length <= shown) return authors.join(", ");
  return `${authors.slice(0, shown).join(", ")} et al.`;
}
