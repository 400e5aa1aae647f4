import Link from "next/link";
import type { TagRef } from "@/lib/papers/types";
import { categoryCodeForSlug } from "@/lib/tags";

/** Topics show their name; categories their arXiv code (two categories may share a name). */
export function tagLabel(tag: TagRef): { short: string; full: string } {
  if (tag.kind === "topic") return { short: tag.name, full: `Topic: ${tag.name}` };
  const code = categoryCodeForSlug(tag.slug) ?? tag.slug;
  return { short: code, full: `${tag.name} (${code})` };
}

export function TagChip({ tag }: { tag: TagRef }) {
  const label = tagLabel(tag);
  return (
    <Link href={`/tags/${tag.slug}`} className={tag.kind === "topic" ? "chip chip-topic no-underline" : "chip no-underline"} title={label.full} aria-label={label.full}>
      {label.short}
    </Link>
  );
}
