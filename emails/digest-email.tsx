import { Heading, Link, Text } from "@react-email/components";
import type { ReactNode } from "react";
import { colors, EmailFrame } from "./components/email-frame";

// The digest: up to DIGEST_MAX_PAPERS trending papers since the subscriber's last digest.
// DigestEmail is the template. It is built from DigestShell and DigestPaperBlock so that
// lib/digest/render-digest.ts can render the shell once per run and each paper once, and
// put each recipient's email together from those pieces (rendering the whole template per
// recipient would cost more CPU than sending); a test checks that both give the same bytes.

export interface DigestEmailPaper {
  id: string;
  title: string;
  url: string;
  authors: string;
  summary: string;
  upvotes: number;
  githubStars: number | null;
  topics: string[];
  /** "28 Nov 2026" */
  listedOn: string;
}

export interface DigestEmailProps {
  frequency: "daily" | "weekly";
  /** "Saturday 28 November 2026" or "Week 48, 23 Nov 2026 – 29 Nov 2026" */
  periodLabel: string;
  /** "All topics" or "Agents, Large language models" */
  topicsLabel: string;
  papers: DigestEmailPaper[];
  appUrl: string;
  manageUrl: string;
  unsubscribeUrl: string;
}

export function DigestEmail(props: DigestEmailProps) {
  return (
    <DigestShell {...props} countLabel={digestCountLabel(props.papers.length)}>
      {props.papers.map((paper, index) => (
        <DigestPaperBlock key={paper.id} paper={paper} position={index + 1} />
      ))}
    </DigestShell>
  );
}

/** "1 paper", "10 papers" */
export function digestCountLabel(count: number): string {
  return `${count} ${count === 1 ? "paper" : "papers"}`;
}

export interface DigestShellProps extends Omit<DigestEmailProps, "papers"> {
  countLabel: string;
  children?: ReactNode;
}

export function DigestShell({ frequency, periodLabel, topicsLabel, appUrl, manageUrl, unsubscribeUrl, countLabel, children }: DigestShellProps) {
  return (
    <EmailFrame
      // The same for everyone in a run: react-email pads the preview to a length that depends
      // on it, so a per-recipient preview could not be filled into a shared shell.
      preview={`Trending AI papers, ${periodLabel}`}
      appUrl={appUrl}
      footer={
        <>
          <Text style={{ margin: "0 0 8px", fontSize: "12px", color: colors.muted }}>
            {`You get the PaperPulse ${frequency} digest because you subscribed at ${new URL(appUrl).host}. Topics: ${topicsLabel}.`}
          </Text>
          <Text style={{ margin: 0, fontSize: "12px", color: colors.muted }}>
            <Link href={manageUrl} style={{ color: colors.accent }}>
              Manage your digest
            </Link>
            {" · "}
            <Link href={unsubscribeUrl} style={{ color: colors.accent }}>
              Unsubscribe
            </Link>
          </Text>
        </>
      }
    >
      <Heading as="h1" style={{ fontSize: "20px", lineHeight: "28px", margin: "0 0 4px" }}>
        {`Your ${frequency} digest`}
      </Heading>
      <Text style={{ margin: "0 0 20px", color: colors.muted, fontSize: "14px" }}>{`${periodLabel} · ${countLabel} · ${topicsLabel}`}</Text>
      {children}
      <Text style={{ margin: "8px 0 0", fontSize: "14px" }}>
        <Link href={appUrl} style={{ color: colors.accent }}>
          See the whole feed on PaperPulse
        </Link>
      </Text>
    </EmailFrame>
  );
}

/**
 * One paper. Plain elements with short inline styles, not react-email's Section and Text:
 * those expand to tables and repeated longhand margins, and the message size is what the
 * SMTP layers on both sides spend their time on (docs/digest.md, "Throughput").
 */
export function DigestPaperBlock({ paper, position }: { paper: DigestEmailPaper; position: number | string }) {
  const facts = [
    `${paper.upvotes} ${paper.upvotes === 1 ? "upvote" : "upvotes"}`,
    paper.githubStars ? `${paper.githubStars.toLocaleString("en-US")} GitHub stars` : null,
    `listed ${paper.listedOn}`,
    paper.topics.length > 0 ? paper.topics.join(", ") : null,
  ].filter((fact): fact is string => fact !== null);
  return (
    <div style={{ margin: "0 0 20px" }}>
      <p style={{ margin: "0 0 4px", fontSize: "16px", lineHeight: "22px", fontWeight: 600 }}>
        {`${position}. `}
        <a href={paper.url} style={{ color: colors.text }}>
          {paper.title}
        </a>
      </p>
      <p style={{ margin: "0 0 4px", color: colors.muted, fontSize: "13px", lineHeight: "18px" }}>{`${paper.authors} · ${facts.join(" · ")}`}</p>
      <p style={{ margin: 0, fontSize: "14px", lineHeight: "21px" }}>{paper.summary}</p>
    </div>
  );
}
