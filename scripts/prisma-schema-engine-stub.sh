#!/bin/sh
# Prisma's CLI downloads a native schema engine before every command; these machines are
# offline, so prisma.config.ts points PRISMA_SCHEMA_ENGINE_BINARY here. `prisma generate`
# never runs the engine. Exiting 1 (never 0) makes `prisma migrate` fail loudly instead of
# pretending to succeed. Apply migrations with `npm run db:migrate`.
echo "Prisma's schema engine is not available on this machine; use 'npm run db:migrate'." >&2
exit 1
