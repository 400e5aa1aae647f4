// Whether this request may see the outbox: from the request's headers (next/headers), set by
// PaperPulse's HTTP server from the socket. The decision itself is lib/mail/outbox.ts.
import { headers } from "next/headers";
import { isLoopbackRequest } from "@/lib/http/client-ip";
import { isOutboxShownTo } from "@/lib/mail/outbox";

export async function canSeeOutbox(): Promise<boolean> {
  return isOutboxShownTo({ loopback: isLoopbackRequest(await headers()) });
}
