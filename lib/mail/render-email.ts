import { render, plainTextSelectors } from "@react-email/render";
import { compile } from "html-to-text";
import type { ReactElement } from "react";

// HTML and plain-text parts of a react-email template. The text part is derived from the
// HTML with react-email's own conversion (html-to-text with react-email's selectors), so
// the two cannot say different things. The converter is compiled once: react-email's
// toPlainText compiles it on every call, which costs milliseconds per email.

export interface RenderedEmail {
  html: string;
  text: string;
}

/** Exactly @react-email/render's toPlainText(html), compiled once. */
export const htmlToPlainText: (html: string) => string = compile({ wordwrap: false, selectors: plainTextSelectors });

export async function renderEmail(element: ReactElement): Promise<RenderedEmail> {
  const html = await render(element);
  return { html, text: htmlToPlainText(html) };
}
