// GET /api/openapi.json: the OpenAPI 3.1 description of the public API (generated from its zod schemas).
import { getEnv } from "@/lib/env";
import { methodNotAllowed, PUBLIC_GET_HEADERS } from "@/lib/http/api-response";
import { buildOpenApiDocument } from "@/lib/openapi/document";

export const dynamic = "force-dynamic";

export function GET() {
  return Response.json(buildOpenApiDocument(getEnv().appUrl), { headers: PUBLIC_GET_HEADERS });
}

const notAllowed = methodNotAllowed(["GET"]);
export { notAllowed as POST, notAllowed as PUT, notAllowed as PATCH, notAllowed as DELETE, notAllowed as OPTIONS };
