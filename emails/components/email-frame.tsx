import { Body, Container, Head, Hr, Html, Link, Preview, Section, Text } from "@react-email/components";
import type { ReactNode } from "react";

// The frame every PaperPulse email shares: brand line, content, footer. Inline styles only:
// mail clients ignore style sheets, and inlining at render time (the Tailwind component)
// would cost more per message than the whole send.

export const colors = {
  text: "#1c1917",
  muted: "#57534e",
  border: "#e7e5e4",
  accent: "#3f3fc0",
  background: "#fafaf9",
} as const;

export const fontFamily = '-apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif';

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
      <Preview>{preview}</Preview>
      <Body style={{ backgroundColor: colors.background, color: colors.text, fontFamily, margin: 0, padding: "24px 0" }}>
        <Container style={{ maxWidth: "600px", margin: "0 auto", backgroundColor: "#ffffff", border: `1px solid ${colors.border}`, borderRadius: "12px", padding: "24px" }}>
          <Text style={{ margin: "0 0 16px", fontSize: "18px", fontWeight: 600 }}>
            <Link href={appUrl} style={{ color: colors.text, textDecoration: "none" }}>
              PaperPulse
            </Link>
          </Text>
          {children}
          <Hr style={{ borderColor: colors.border, margin: "24px 0 16px" }} />
          <Section style={{ color: colors.muted, fontSize: "12px", lineHeight: "18px" }}>{footer}</Section>
        </Container>
      </Body>
    </Html>
  );
}
