import { Button, Heading, Link, Text } from "@react-email/components";
import { colors, EmailFrame } from "./components/email-frame";

// Sent after a sign-up. It carries nothing the person typed (no name, no text): only our own
// words and a link, so the form cannot be used to mail arbitrary text to strangers. The
// sign-up's frequency and topics travel only inside the link, as known slugs.
// "already-subscribed" goes to an address that is active already, in place of a second
// confirmation, so the sign-up form answers the same for every address.

export interface ConfirmationEmailProps {
  kind: "confirm" | "already-subscribed";
  /** The confirmation page (confirm) or the manage page (already-subscribed). */
  actionUrl: string;
  /** The signed manage link every email carries (a pending sign-up can be cancelled there). */
  manageUrl: string;
  appUrl: string;
}

export function ConfirmationEmail({ kind, actionUrl, manageUrl, appUrl }: ConfirmationEmailProps) {
  const confirm = kind === "confirm";
  return (
    <EmailFrame
      preview={confirm ? "Confirm your PaperPulse digest subscription" : "You are already subscribed to PaperPulse digests"}
      appUrl={appUrl}
      footer={
        <>
          <Text style={{ margin: "0 0 8px", fontSize: "12px", color: colors.muted }}>
            {`Someone, hopefully you, entered this address on ${new URL(appUrl).host}. If it was not you, ignore this email: ${confirm ? "you will not hear from us again" : "nothing has changed"}.`}
          </Text>
          <Text style={{ margin: 0, fontSize: "12px", color: colors.muted }}>
            <Link href={manageUrl} style={{ color: colors.accent }}>
              {confirm ? "Manage or cancel this sign-up" : "Manage your digest"}
            </Link>
          </Text>
        </>
      }
    >
      <Heading as="h1" style={{ fontSize: "20px", lineHeight: "28px", margin: "0 0 12px" }}>
        {confirm ? "Confirm your subscription" : "You are already subscribed"}
      </Heading>
      <Text style={{ fontSize: "14px", lineHeight: "21px", margin: "0 0 16px" }}>
        {confirm
          ? "Open the link below, check how often and on which topics you want the digest, and press the button to start receiving the trending AI papers in your inbox. The link works for 7 days."
          : "This address already receives PaperPulse digests. You can change the frequency and topics, or unsubscribe, on your manage page."}
      </Text>
      <Button href={actionUrl} style={{ backgroundColor: colors.accent, color: "#ffffff", borderRadius: "8px", padding: "10px 16px", fontSize: "14px", fontWeight: 600 }}>
        {confirm ? "Confirm your subscription" : "Manage your digest"}
      </Button>
      <Text style={{ fontSize: "12px", lineHeight: "18px", color: colors.muted, margin: "16px 0 0" }}>
        Or paste this address into your browser:{" "}
        <Link href={actionUrl} style={{ color: colors.accent, wordBreak: "break-all" }}>
          {actionUrl}
        </Link>
      </Text>
    </EmailFrame>
  );
}
