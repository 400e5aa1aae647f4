import { Head, Html } from "@react-email/components";
import type { ReactNode } from "react";

// The frame every PaperPulse email shares: brand line, content, footer. Inline styles only:
// mail clients ignore style sheets, and inlining at render time (the Tailwind component)
// would cost more per message than the whole send.
//
// Plain elements rather than react-email's Body, Container, Section, Text and Preview: those
// wrap everything in layout tables, repeat every margin as longhands and pad the preview
// with about 2 KB of invisible characters. The digest goes to every subscriber, and its
// size is what the SMTP layers on both sides spend their time on (docs/digest.md,
// "Throughput"), so the frame stays a few hundred bytes.

export const colors = {
  text: "#1c1917",
  muted: "#57534e",
  border: "#e7e5e4",
  accent: "#3f3fc0",
  background: "#fafaf9",
} as const;

export const fontFamily = "Helvetica,Arial,sans-serif";

export interface EmailFrameProps {
  preview: string;
  appUrl: string;
  children: ReactNode;
  footer: ReactNode;
}

export function EmailFrame({ preview, appUrl, children, footer }: EmailFrameProps) {
  return (
    <Html lang="en">
      <Head />
      <body style={{ margin: 0, padding: "16px 8px", backgroundColor: colors.background, color: colors.text, fontFamily, fontSize: "14px", lineHeight: "20px" }}>
        {/* The inbox preview line; left out of the plain-text part. */}
        <div data-skip-in-text="true" style={{ display: "none", maxHeight: 0, overflow: "hidden" }}>
          {preview}
        </div>
        <div style={{ maxWidth: "600px", margin: "0 auto", padding: "20px", backgroundColor: "#fff", border: `1px solid ${colors.border}`, borderRadius: "12px" }}>
          <p style={{ margin: "0 0 12px", fontSize: "18px", fontWeight: 600 }}>
            <a href={appUrl} style={{ color: colors.text, textDecoration: "none" }}>
              PaperPulse
            </a>
          </p>
          {children}
          <div style={{ borderTop: `1px solid ${colors.border}`, marginTop: "20px", paddingTop: "12px", color: colors.muted, fontSize: "12px", lineHeight: "18px" }}>{footer}</div>
        </div>
      </body>
    </Html>
  );
}
