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
      // The same for everyone in a run, so the shell is rendered once per run.
      preview={`Trending AI papers, ${periodLabel}`}
      appUrl={appUrl}
      footer={
        <>
          <p style={{ margin: "0 0 8px" }}>{`You get the PaperPulse ${frequency} digest because you subscribed at ${new URL(appUrl).host}. Topics: ${topicsLabel}.`}</p>
          <p style={{ margin: 0 }}>
            <a href={manageUrl} style={{ color: colors.accent }}>
              Manage your digest
            </a>
            {" · "}
            <a href={unsubscribeUrl} style={{ color: colors.accent }}>
              Unsubscribe
            </a>
          </p>
        </>
      }
    >
      <h1 style={{ fontSize: "20px", lineHeight: "28px", margin: "0 0 4px" }}>{`Your ${frequency} digest`}</h1>
      <p style={{ margin: "0 0 16px", color: colors.muted }}>{`${periodLabel} · ${countLabel} · ${topicsLabel}`}</p>
      {children}
      <p style={{ margin: 0 }}>
        <a href={appUrl} style={{ color: colors.accent }}>
          See the whole feed on PaperPulse
        </a>
      </p>
    </EmailFrame>
  );
}

/**
 * One paper: a single paragraph (title, facts, summary on three lines) with the fewest
 * inline styles that still read well. It is repeated up to DIGEST_MAX_PAPERS times in every
 * digest, and the message size is what the SMTP layers on both sides spend their time on
 * (docs/digest.md, "Throughput").
 */
export function DigestPaperBlock({ paper, position }: { paper: DigestEmailPaper; position: number | string }) {
  const facts = [
    `${paper.upvotes} ${paper.upvotes === 1 ? "upvote" : "upvotes"}`,
    paper.githubStars ? `${paper.githubStars.toLocaleString("en-US")} GitHub stars` : null,
    paper.topics.length > 0 ? paper.topics.join(", ") : null,
  ].filter((fact): fact is string => fact !== null);
  return (
    <p style={{ margin: "0 0 16px" }}>
      {`${position}. `}
      <b>
        <a href={paper.url}>{paper.title}</a>
      </b>
      <br />
      <span style={{ color: colors.muted, fontSize: "12px" }}>{`${paper.authors} · ${facts.join(" · ")}`}</span>
      <br />
      {paper.summary}
    </p>
  );
}
