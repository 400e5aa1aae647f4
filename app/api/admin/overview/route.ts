// GET /api/admin/overview: the operator view's figures as JSON, for scripts and dashboards
// (Authorization: Bearer <ADMIN_TOKEN>, or the /admin session). 404 while ADMIN_TOKEN is unset.
import { ADMIN_RESPONSE_HEADERS, withAdminAuth } from "@/lib/admin/auth";
import { getAdminOverview } from "@/lib/admin/queries";
import { methodNotAllowed, withApiErrors } from "@/lib/http/api-response";

export const dynamic = "force-dynamic";

export const GET = withApiErrors(
  withAdminAuth(async () => {
    return Response.json(await getAdminOverview(), { headers: ADMIN_RESPONSE_HEADERS });
  }),
);

// Other methods: 405 behind the same gate, so a closed view still answers 404 to everything.
const notAllowed = withAdminAuth(async (request: Request) => methodNotAllowed(["GET"])(request));
export { notAllowed as POST, notAllowed as PUT, notAllowed as PATCH, notAllowed as DELETE, notAllowed as OPTIONS };
