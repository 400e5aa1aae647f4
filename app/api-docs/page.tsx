// /api-docs: the public API for people, rendered from the same OpenAPI document that
// /api/openapi.json serves, so the two cannot disagree. Static: rendered at build time.
import type { Metadata } from "next";
import { buildOpenApiDocument } from "@/lib/openapi/document";

export const metadata: Metadata = { title: "API", description: "PaperPulse's public JSON API and feeds: endpoints, parameters, errors, caching and CORS." };

interface Parameter {
  name: string;
  in: string;
  description?: string;
  schema?: { type?: string | string[]; enum?: string[]; maxLength?: number; minimum?: number; maximum?: number; default?: unknown };
}

function typeOf(schema: Parameter["schema"]): string {
  if (!schema) return "string";
  if (schema.enum) return schema.enum.join(" | ");
  const parts = [String(schema.type ?? "string")];
  if (schema.minimum !== undefined && schema.maximum !== undefined) parts.push(`${schema.minimum}–${schema.maximum}`);
  if (schema.maxLength !== undefined) parts.push(`≤ ${schema.maxLength} chars`);
  if (schema.default !== undefined) parts.push(`default ${JSON.stringify(schema.default)}`);
  return parts.join(", ");
}

const EXAMPLES: Record<string, string[]> = {
  "/api/papers": ["/api/papers", "/api/papers?week=2026-W48&sort=top&limit=10", '/api/papers?q="kv cache" -survey&tags=efficient-inference', "/api/papers?q=quantization&from=2026-01-01&sort=new"],
  "/api/papers/{id}": ["/api/papers/2606.00467", "/api/papers/hep-th/9901001"],
  "/api/tags": ["/api/tags"],
  "/api/search/suggest": ["/api/search/suggest?q=quant"],
  "/feeds/trending.{format}": ["/feeds/trending.rss", "/feeds/trending.atom", "/feeds/trending.json"],
  "/feeds/tags/{slug}.{format}": ["/feeds/tags/llm.rss"],
  "/feeds/search.{format}": ["/feeds/search.atom?q=diffusion&sort=new"],
  "/feeds/{view}/{key}.{format}": ["/feeds/week/latest.rss", "/feeds/month/2026-11.atom?sort=top", "/feeds/date/2026-11-28.json?tags=llm"],
};

export default function ApiDocsPage() {
  const doc = buildOpenApiDocument("");
  const paths = Object.entries(doc.paths) as [string, { get: { summary: string; description?: string; parameters?: Parameter[]; responses: Record<string, { description: string }> } }][];
  return (
    <article className="mx-auto flex max-w-3xl flex-col gap-6 leading-relaxed">
      <h1 className="text-2xl font-semibold tracking-tight sm:text-3xl">PaperPulse API</h1>
      <p>{doc.info.description}</p>
      <ul className="flex list-disc flex-col gap-1 pl-5 text-sm">
        <li>
          Machine-readable: <a href="/api/openapi.json">/api/openapi.json</a> (OpenAPI 3.1).
        </li>
        <li>
          Errors: a 4xx status with <code>{`{ "error": { "code": "bad_request", "message": "limit must be at most 100" } }`}</code>. Codes: bad_request, not_found, internal.
        </li>
        <li>
          Caching: <code>Cache-Control: public, max-age=60, s-maxage=300, stale-while-revalidate=600</code> on JSON, five minutes on feeds; errors are <code>no-store</code>.
        </li>
        <li>
          CORS: every GET answers <code>Access-Control-Allow-Origin: *</code>; OPTIONS preflights are answered too.
        </li>
        <li>Pagination: pass <code>nextCursor</code> back as <code>cursor</code> until it is null. Pages never repeat or skip a paper.</li>
      </ul>
      {paths.map(([path, { get }]) => (
        <section key={path} aria-labelledby={`op-${path}`} className="card flex flex-col gap-3">
          <h2 id={`op-${path}`} className="font-mono text-base font-semibold">
            GET {path}
          </h2>
          <p className="text-sm">{get.summary}.</p>
          {get.description && <p className="text-sm muted">{get.description}</p>}
          {get.parameters && get.parameters.length > 0 && (
            <div className="overflow-x-auto">
              <table className="w-full text-left text-sm">
                <caption className="sr-only">Parameters of {path}</caption>
                <thead>
                  <tr className="border-b border-stone-200 dark:border-stone-700">
                    <th scope="col" className="py-1 pr-3">
                      Parameter
                    </th>
                    <th scope="col" className="py-1 pr-3">
                      Type
                    </th>
                    <th scope="col" className="py-1">
                      Meaning
                    </th>
                  </tr>
                </thead>
                <tbody>
                  {get.parameters.map((p) => (
                    <tr key={`${p.in}-${p.name}`} className="border-b border-stone-100 align-top dark:border-stone-800">
                      <td className="py-1 pr-3 font-mono">{p.name}</td>
                      <td className="py-1 pr-3 text-xs">{typeOf(p.schema)}</td>
                      <td className="py-1">{p.description ?? ""}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          )}
          <p className="text-sm">
            Responses:{" "}
            {Object.entries(get.responses)
              .map(([status, r]) => `${status} ${r.description}`)
              .join("; ")}
            .
          </p>
          {EXAMPLES[path] && (
            <ul className="flex flex-col gap-1 text-sm" aria-label={`Examples of ${path}`}>
              {EXAMPLES[path].map((example) => (
                <li key={example}>
                  <a href={example} className="font-mono break-all">
                    {example}
                  </a>
                </li>
              ))}
            </ul>
          )}
        </section>
      ))}
    </article>
  );
}
