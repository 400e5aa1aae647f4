// GET /api/papers/<arXiv id>: one paper as JSON (old-style ids keep their slash).
import { getEnv } from "@/lib/env";
import { ApiError, methodNotAllowed, PUBLIC_GET_HEADERS, withApiErrors } from "@/lib/http/api-response";
import { toApiPaperDetail } from "@/lib/papers/api";
import { parseArxivId } from "@/lib/papers/arxiv-id";
import { getPaper } from "@/lib/papers/queries";

export const dynamic = "force-dynamic";

type Context = { params: Promise<{ id: string[] }> };

export const GET = withApiErrors(async (_request: Request, context: Context) => {
  const { id: segments } = await context.params;
  const raw = segments.join("/");
  const parsed = parseArxivId(raw);
  if (!parsed) throw new ApiError(400, "bad_request", "id must be an arXiv id such as 2606.00467 or hep-th/9901001");
  const paper = await getPaper(parsed.id);
  if (!paper) throw new ApiError(404, "not_found", `Paper ${parsed.id} is not in PaperPulse`);
  return Response.json(toApiPaperDetail(paper, getEnv().appUrl), { headers: PUBLIC_GET_HEADERS });
});

const notAllowed = methodNotAllowed(["GET"]);
export { notAllowed as POST, notAllowed as PUT, notAllowed as PATCH, notAllowed as DELETE, notAllowed as OPTIONS };
