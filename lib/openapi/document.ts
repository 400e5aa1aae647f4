import { z } from "zod";
import { listPapersParamsSchema } from "@/lib/papers/api";
import { feedOptionsSchema } from "@/lib/papers/feed-params";
import { searchParamsSchema } from "@/lib/search/params";
import { SUGGEST_MAX_LENGTH } from "@/lib/search/suggest";
import * as schemas from "./schemas";

// The OpenAPI 3.1 document of the public API, generated from the same zod schemas that
// validate the requests (parameters) and describe the responses (./schemas.ts).

const PARAMETER_DOCS: Record<string, string> = {
  q: "Search words in web-search syntax: words (all must match), \"a phrase\", -excluded, either OR other. An arXiv id or abs URL returns that paper. With q the response is a SearchList, without it a FeedList.",
  date: "A day (YYYY-MM-DD): the feed of that day, or with q the search range.",
  week: "An ISO week (2026-W48).",
  month: "A month (2026-11).",
  from: "With q: first listed day to search (inclusive).",
  to: "With q: last listed day to search (inclusive).",
  sort: "relevance (default with q; needs q), trending (default without q), top (most upvoted) or new.",
  tags: "Comma-separated tag slugs (at most 8); a paper must carry all of them. GET /api/tags lists the slugs.",
  limit: "Papers per page, 1 to 100 (default 30).",
  cursor: "nextCursor of the previous page. Pages never repeat or skip a paper.",
};

type JsonSchema = Record<string, unknown>;

function toJsonSchema(schema: z.ZodType): JsonSchema {
  const json = z.toJSONSchema(schema, { io: "input", unrepresentable: "any", target: "draft-2020-12" }) as JsonSchema;
  delete json.$schema;
  return json;
}

/** Query parameters from a zod object schema: names, types, limits and defaults. */
function queryParameters(schema: z.ZodObject, only?: readonly string[]) {
  return Object.entries(schema.shape)
    .filter(([name]) => !only || only.includes(name))
    .map(([name, field]) => ({
      name,
      in: "query",
      required: false,
      description: PARAMETER_DOCS[name],
      schema: toJsonSchema(field as z.ZodType),
    }));
}

const json = (ref: string) => ({ "application/json": { schema: { $ref: `#/components/schemas/${ref}` } } });
const errors = (...statuses: number[]) =>
  Object.fromEntries(statuses.map((status) => [String(status), { description: status === 404 ? "Not found" : status === 400 ? "Bad parameters: the message says which" : "Server error", content: json("Error") }]));
const feedFormats = {
  name: "format",
  in: "path",
  required: true,
  schema: { type: "string", enum: ["rss", "atom", "json"] },
  description: "rss (RSS 2.0), atom (Atom 1.0) or json (JSON Feed 1.0).",
};
const feedResponse = {
  description: "The feed",
  content: { "application/rss+xml": { schema: { type: "string" } }, "application/atom+xml": { schema: { type: "string" } }, "application/feed+json": { schema: { type: "object" } } },
};

const COMPONENT_SCHEMAS = {
  Error: schemas.apiErrorSchema,
  TextSegment: schemas.textSegmentSchema,
  Paper: schemas.apiPaperSchema,
  RankedPaper: schemas.rankedPaperSchema,
  SearchHit: schemas.searchHitSchema,
  PaperDetail: schemas.paperDetailSchema,
  TagCount: schemas.facetSchema,
  FeedList: schemas.feedListSchema,
  SearchList: schemas.searchListSchema,
  Tag: schemas.apiTagSchema,
  TagList: schemas.tagListSchema,
  Suggestions: schemas.suggestionsSchema,
} as const;

function componentSchemas(): Record<string, JsonSchema> {
  // One generation over all of them, so shared parts become $refs between components.
  const registry = z.registry<{ id: string }>();
  for (const [id, schema] of Object.entries(COMPONENT_SCHEMAS)) registry.add(schema, { id });
  const generated = z.toJSONSchema(registry, { uri: (id) => `#/components/schemas/${id}`, unrepresentable: "any", target: "draft-2020-12" }) as { schemas: Record<string, JsonSchema> };
  for (const schema of Object.values(generated.schemas)) {
    delete schema.$schema;
    delete schema.$id;
  }
  return generated.schemas;
}

export function buildOpenApiDocument(appUrl: string) {
  return {
    openapi: "3.1.0",
    info: {
      title: "PaperPulse API",
      version: "1.0.0",
      description:
        "Read-only JSON API of PaperPulse: the trending feed of AI research papers, search, tags and feeds. No key needed; every GET allows any origin (CORS). Responses may be cached for a minute by browsers and five minutes by shared caches. Errors are { error: { code, message } }.",
    },
    servers: [{ url: appUrl }],
    paths: {
      "/api/papers": {
        get: {
          operationId: "listPapers",
          summary: "The feed of a period, or a search",
          description:
            "Without q: one period of the feed (default: the latest day with papers), sorted by trending score, upvotes or date. With q: ranked full-text search (title, then authors and keywords, then abstract) with typo correction, highlights, tag counts and a total (exact, or an estimate for broad queries).",
          parameters: queryParameters(listPapersParamsSchema),
          responses: {
            "200": { description: "A FeedList without q, a SearchList with q", content: { "application/json": { schema: { oneOf: [{ $ref: "#/components/schemas/FeedList" }, { $ref: "#/components/schemas/SearchList" }] } } } },
            ...errors(400, 500),
          },
        },
      },
      "/api/papers/{id}": {
        get: {
          operationId: "getPaper",
          summary: "One paper",
          parameters: [{ name: "id", in: "path", required: true, schema: { type: "string" }, description: "arXiv id (2606.00467, 2606.00467v2, hep-th/9901001; old-style ids keep their slash)." }],
          responses: { "200": { description: "The paper", content: json("PaperDetail") }, ...errors(400, 404, 500) },
        },
      },
      "/api/tags": {
        get: { operationId: "listTags", summary: "Every tag with its number of papers", responses: { "200": { description: "Topics first, then arXiv categories", content: json("TagList") }, ...errors(500) } },
      },
      "/api/search/suggest": {
        get: {
          operationId: "suggest",
          summary: "Search-as-you-type suggestions",
          parameters: [{ name: "q", in: "query", required: false, schema: { type: "string", maxLength: SUGGEST_MAX_LENGTH }, description: "What has been typed so far; the last word is completed by prefix." }],
          responses: { "200": { description: "Completions, papers and tags", content: json("Suggestions") }, ...errors(400, 500) },
        },
      },
      "/feeds/trending.{format}": {
        get: { operationId: "trendingFeed", summary: "The latest day's trending papers as a feed", parameters: [feedFormats], responses: { "200": feedResponse, "404": { description: "Unknown format" } } },
      },
      "/feeds/tags/{slug}.{format}": {
        get: {
          operationId: "tagFeed",
          summary: "The newest papers with a tag as a feed",
          parameters: [{ name: "slug", in: "path", required: true, schema: { type: "string" } }, feedFormats],
          responses: { "200": feedResponse, "404": { description: "Unknown tag or format" } },
        },
      },
      "/feeds/search.{format}": {
        get: {
          operationId: "searchFeed",
          summary: "Any search as a feed",
          parameters: [feedFormats, ...queryParameters(searchParamsSchema, ["q", "tags", "from", "to", "sort"])],
          responses: { "200": feedResponse, "400": { description: "Bad parameters (plain-text message)" } },
        },
      },
      "/feeds/{view}/{key}.{format}": {
        get: {
          operationId: "viewFeed",
          summary: "A feed view (day, week or month, with its sort and tag filter) as a feed",
          description: "The first 30 papers of /papers/{view}/{key} in the page's order. key is a day (2026-11-28), an ISO week (2026-W48), a month (2026-11), or latest.",
          parameters: [
            { name: "view", in: "path", required: true, schema: { type: "string", enum: ["date", "week", "month"] } },
            { name: "key", in: "path", required: true, schema: { type: "string" } },
            feedFormats,
            ...queryParameters(feedOptionsSchema, ["sort", "tags"]),
          ],
          responses: { "200": feedResponse, "400": { description: "Bad sort or tags (plain-text message)" }, "404": { description: "Unknown view, bad or future period, or unknown format" } },
        },
      },
      "/api/openapi.json": { get: { operationId: "openApi", summary: "This document", responses: { "200": { description: "OpenAPI 3.1" } } } },
    },
    components: { schemas: componentSchemas() },
  };
}
