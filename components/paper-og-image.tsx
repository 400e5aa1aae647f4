// The Open Graph image of a paper page (1200 × 630), drawn by next/og (Satori): flexbox and
// inline styles only. The text arrives as plain text (lib/og/plain-text.ts).

export const OG_IMAGE_SIZE = { width: 1200, height: 630 } as const;

export function PaperOgImage({ title, authors, meta }: { title: string; authors: string; meta: string }) {
  return (
    <div style={{ width: "100%", height: "100%", display: "flex", flexDirection: "column", justifyContent: "space-between", padding: "64px 72px", background: "#fafaf9", color: "#1c1917", borderLeft: "24px solid #3b4cc0" }}>
      <div style={{ display: "flex", alignItems: "center", gap: 16, fontSize: 32, color: "#3b4cc0" }}>
        <svg width="48" height="48" viewBox="0 0 64 64">
          <rect width="64" height="64" rx="14" fill="#3b4cc0" />
          <path d="M8 36h11l5-13 8 25 6-19 4 7h14" fill="none" stroke="#fff" strokeWidth="5" strokeLinecap="round" strokeLinejoin="round" />
        </svg>
        PaperPulse
      </div>
      <div style={{ display: "flex", fontSize: title.length > 90 ? 52 : 64, lineHeight: 1.15, letterSpacing: -1 }}>{title}</div>
      <div style={{ display: "flex", flexDirection: "column", gap: 12, fontSize: 28, color: "#57534e" }}>
        <div style={{ display: "flex" }}>{authors}</div>
        <div style={{ display: "flex" }}>{meta}</div>
      </div>
    </div>
  );
}
