// GET /api/health: for load balancers and uptime checks. 200 when the database answers,
// 503 when it does not, so a broken instance is taken out of rotation.
import { checkHealth } from "@/lib/health";
import { methodNotAllowed } from "@/lib/http/api-response";

export const dynamic = "force-dynamic";

export async function GET() {
  const report = await checkHealth();
  return Response.json(report, { status: report.database.ok ? 200 : 503, headers: { "Cache-Control": "no-store" } });
}

const notAllowed = methodNotAllowed(["GET"]);
export { notAllowed as POST, notAllowed as PUT, notAllowed as PATCH, notAllowed as DELETE, notAllowed as OPTIONS };
