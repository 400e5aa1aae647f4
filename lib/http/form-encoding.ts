// The parts of React's form encoding that lib/http/server-action-guard.ts reads. They are
// React's wire format, not a public API, so they live here with the releases they were read
// from: tests/unit/pinned-internals.test.ts fails when package.json or node_modules moves away
// from those releases, and tests/e2e/form-encoding.spec.ts fails when what Chromium sends from
// a real form no longer matches these names. On an upgrade: run both, then update this file.
// (lib/cache/page-cache-handler.mjs extends Next's cache class and is pinned by the same test.)

/** The releases the guard and the cache handler were checked against. */
export const VERIFIED_WITH = { next: "16.4.6", react: "19.3.1", "react-dom": "19.3.1" } as const;

/** Field names of the no-JavaScript encoding (React's decodeAction). */
export const FORM_ACTION_ID_PREFIX = "$ACTION_ID_";
export const FORM_ACTION_REF_PREFIX = "$ACTION_REF_";
export const FORM_ACTION_PART_PREFIX = "$ACTION_";
