// POST /api/admin/deliveries/:id/retry: requeues one failed digest delivery (the same as the
// Retry button on /admin), for scripts. Only a failed delivery can be retried; it keeps its
// Message-ID. 404 while ADMIN_TOKEN is unset.
import { z } from "zod";
import { ADMIN_RESPONSE_HEADERS, withAdminAuth } from "@/lib/admin/auth";
import { retryFailedDelivery } from "@/lib/admin/retry-delivery";
import { ApiError, methodNotAllowed, parseOrThrow, withApiErrors } from "@/lib/http/api-response";

export const dynamic = "force-dynamic";

const paramsSchema = z.object({ id: z.uuid("id must be a delivery id (a UUID)") });

export const POST = withApiErrors(
  withAdminAuth(async (_request: Request, context: { params: Promise<{ id: string }> }) => {
    const { id } = parseOrThrow(paramsSchema, await context.params);
    const outcome = await retryFailedDelivery(id);
    switch (outcome.kind) {
      case "not_found":
        throw new ApiError(404, "not_found", "No delivery has this id.");
      case "not_failed":
        throw new ApiError(409, "conflict", `This delivery is ${outcome.status}, not failed: nothing to retry.`);
      case "subscriber_inactive":
        throw new ApiError(409, "conflict", `The subscriber is ${outcome.subscriberStatus}: only they can resume, from their manage link.`);
      case "requeued":
        return Response.json({ ok: true, ...outcome }, { headers: ADMIN_RESPONSE_HEADERS });
    }
  }),
);

// Other methods: 405 behind the same gate, so a closed view still answers 404 to everything.
const notAllowed = withAdminAuth(async (request: Request) => methodNotAllowed(["POST"])(request));
export { notAllowed as GET, notAllowed as PUT, notAllowed as PATCH, notAllowed as DELETE, notAllowed as OPTIONS };
