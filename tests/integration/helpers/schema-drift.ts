import { createRequire } from "node:module";
import type { SqlRunner } from "@/lib/db/sql-runner";

// Compares prisma/schema.prisma with a migrated database: tables, columns (type, array,
// nullability), enums, indexes (columns, order, uniqueness, method) and foreign keys.
// Prisma's `migrate diff` would do this, but its engine cannot be downloaded here; the
// schema side comes from Prisma's own WASM schema parser instead.

const require = createRequire(import.meta.url);
const schemaWasm = require("@prisma/prisma-schema-wasm") as { get_dmmf(params: string): string };

interface DmmfField {
  name: string;
  dbName?: string | null;
  kind: "scalar" | "enum" | "object" | "unsupported";
  type: string;
  isRequired: boolean;
  isList: boolean;
  nativeType?: [string, string[]] | null;
  relationFromFields?: string[];
  relationToFields?: string[];
  relationOnDelete?: string;
}
interface DmmfModel {
  name: string;
  dbName: string | null;
  fields: DmmfField[];
}
interface DmmfIndex {
  model: string;
  type: "id" | "unique" | "normal" | "fulltext";
  dbName?: string | null;
  algorithm?: string;
  fields: { name: string; sortOrder?: "asc" | "desc" }[];
}
interface Dmmf {
  datamodel: { models: DmmfModel[]; enums: { name: string; dbName?: string | null; values: { name: string; dbName?: string | null }[] }[]; indexes: DmmfIndex[] };
}

interface Column {
  type: string;
  nullable: boolean;
}

const SCALAR_TYPES: Record<string, string> = {
  String: "text",
  Int: "integer",
  BigInt: "bigint",
  Float: "double precision",
  Boolean: "boolean",
  DateTime: "timestamp(3) without time zone",
  Json: "jsonb",
  Decimal: "numeric(65,30)",
  Bytes: "bytea",
};

function nativeTypeName([name, args]: [string, string[]]): string {
  const map: Record<string, string> = {
    VarChar: "character varying",
    Char: "character",
    Text: "text",
    Uuid: "uuid",
    Date: "date",
    Timestamptz: "timestamp with time zone",
    Timestamp: "timestamp without time zone",
    Integer: "integer",
    SmallInt: "smallint",
    BigInt: "bigint",
    DoublePrecision: "double precision",
    Real: "real",
    Boolean: "boolean",
    JsonB: "jsonb",
    Json: "json",
    Inet: "inet",
  };
  const base = map[name] ?? name.toLowerCase();
  if (name === "Date") return base;
  if (name === "Timestamptz" || name === "Timestamp") return `${base.replace(/ with(out)? time zone/, "")}(${args[0] ?? "6"})${base.includes("without") ? " without time zone" : " with time zone"}`;
  return args.length ? `${base}(${args.join(",")})` : base;
}

/** Unsupported("tsvector") fields are absent from the DMMF; read them from the schema text. */
function unsupportedColumns(schema: string): Map<string, Map<string, Column>> {
  const result = new Map<string, Map<string, Column>>();
  const modelRe = /model\s+(\w+)\s*\{([\s\S]*?)\n\}/g;
  for (const [, model, body] of schema.matchAll(modelRe)) {
    const tableMap = /@@map\("([^"]+)"\)/.exec(body!)?.[1] ?? model!;
    for (const [, field, type, optional, rest] of body!.matchAll(/^\s*(\w+)\s+Unsupported\("([^"]+)"\)(\?)?(.*)$/gm)) {
      const column = /@map\("([^"]+)"\)/.exec(rest ?? "")?.[1] ?? field!;
      if (!result.has(tableMap)) result.set(tableMap, new Map());
      result.get(tableMap)!.set(column, { type: type!, nullable: optional === "?" });
      // Remember the field name too, for indexes on it.
      result.get(tableMap)!.set(`field:${field}`, { type: column, nullable: true });
    }
  }
  return result;
}

function expectedFromSchema(schema: string) {
  const dmmf = JSON.parse(schemaWasm.get_dmmf(JSON.stringify({ prismaSchema: schema }))) as Dmmf;
  const enumDbName = new Map(dmmf.datamodel.enums.map((e) => [e.name, e.dbName ?? e.name]));
  const tables = new Map<string, Map<string, Column>>();
  const fieldColumn = new Map<string, string>(); // "Model.field" → column
  const tableOf = new Map<string, string>();
  const unsupported = unsupportedColumns(schema);

  for (const model of dmmf.datamodel.models) {
    const table = model.dbName ?? model.name;
    tableOf.set(model.name, table);
    const columns = new Map<string, Column>();
    for (const field of model.fields) {
      if (field.kind === "object") continue;
      const column = field.dbName ?? field.name;
      fieldColumn.set(`${model.name}.${field.name}`, column);
      let type = field.kind === "enum" ? enumDbName.get(field.type)! : field.nativeType ? nativeTypeName(field.nativeType) : SCALAR_TYPES[field.type] ?? field.type;
      if (field.isList) type = `${type}[]`;
      // Prisma creates list columns without NOT NULL.
      columns.set(column, { type, nullable: field.isList || !field.isRequired });
    }
    for (const [column, info] of unsupported.get(table) ?? []) {
      if (column.startsWith("field:")) fieldColumn.set(`${model.name}.${column.slice(6)}`, info.type);
      else columns.set(column, info);
    }
    tables.set(table, columns);
  }

  const indexes = new Set<string>();
  for (const index of dmmf.datamodel.indexes) {
    const table = tableOf.get(index.model)!;
    const cols = index.fields.map((f) => `${fieldColumn.get(`${index.model}.${f.name}`) ?? `?${f.name}`}${f.sortOrder === "desc" ? " DESC" : ""}`);
    const kind = index.type === "id" ? "primary" : index.type === "unique" ? "unique" : "index";
    const method = (index.algorithm ?? "BTree").toLowerCase().replace("btree", "btree");
    indexes.add(`${table}: ${kind} ${method} (${cols.join(", ")})`);
  }

  const foreignKeys = new Set<string>();
  for (const model of dmmf.datamodel.models) {
    for (const field of model.fields) {
      if (field.kind !== "object" || !field.relationFromFields?.length) continue;
      const from = field.relationFromFields.map((f) => fieldColumn.get(`${model.name}.${f}`));
      const to = field.relationToFields!.map((f) => fieldColumn.get(`${field.type}.${f}`));
      const onDelete = (field.relationOnDelete ?? (field.isRequired ? "Restrict" : "SetNull")).replace(/([a-z])([A-Z])/g, "$1 $2").toUpperCase();
      foreignKeys.add(`${tableOf.get(model.name)}(${from.join(", ")}) -> ${tableOf.get(field.type)}(${to.join(", ")}) ON DELETE ${onDelete}`);
    }
  }

  const enums = new Map(dmmf.datamodel.enums.map((e) => [e.dbName ?? e.name, e.values.map((v) => v.dbName ?? v.name).join(",")]));
  return { tables, indexes, foreignKeys, enums };
}

async function actualFromDatabase(sql: SqlRunner) {
  const columnRows = await sql.query<{ table_name: string; column_name: string; type: string; is_nullable: string }>(`
    SELECT c.relname AS table_name, a.attname AS column_name, format_type(a.atttypid, a.atttypmod) AS type,
           CASE WHEN a.attnotnull THEN 'NO' ELSE 'YES' END AS is_nullable
    FROM pg_attribute a JOIN pg_class c ON c.oid = a.attrelid JOIN pg_namespace n ON n.oid = c.relnamespace
    WHERE n.nspname = 'public' AND c.relkind = 'r' AND a.attnum > 0 AND NOT a.attisdropped AND c.relname <> '_prisma_migrations'`);
  const tables = new Map<string, Map<string, Column>>();
  for (const row of columnRows) {
    if (!tables.has(row.table_name)) tables.set(row.table_name, new Map());
    tables.get(row.table_name)!.set(row.column_name, { type: row.type.replace(/^"|"$/g, ""), nullable: row.is_nullable === "YES" });
  }

  const indexRows = await sql.query<{ table_name: string; definition: string; is_primary: boolean; is_unique: boolean; method: string; cols: string }>(`
    SELECT t.relname AS table_name, ix.indisprimary AS is_primary, ix.indisunique AS is_unique, am.amname AS method,
      (SELECT string_agg(a.attname || CASE WHEN (ix.indoption[k.ord - 1] & 1) = 1 THEN ' DESC' ELSE '' END, ', ' ORDER BY k.ord)
         FROM unnest(ix.indkey::int2[]) WITH ORDINALITY AS k(attnum, ord)
         JOIN pg_attribute a ON a.attrelid = t.oid AND a.attnum = k.attnum) AS cols,
      pg_get_indexdef(ix.indexrelid) AS definition
    FROM pg_index ix JOIN pg_class t ON t.oid = ix.indrelid JOIN pg_class i ON i.oid = ix.indexrelid
    JOIN pg_am am ON am.oid = i.relam JOIN pg_namespace n ON n.oid = t.relnamespace
    WHERE n.nspname = 'public' AND t.relname <> '_prisma_migrations'`);
  const indexes = new Set(indexRows.map((r) => `${r.table_name}: ${r.is_primary ? "primary" : r.is_unique ? "unique" : "index"} ${r.method} (${r.cols})`));

  const fkRows = await sql.query<{ definition: string; table_name: string }>(`
    SELECT c.conrelid::regclass::text AS table_name, pg_get_constraintdef(c.oid) AS definition
    FROM pg_constraint c JOIN pg_namespace n ON n.oid = c.connamespace WHERE c.contype = 'f' AND n.nspname = 'public'`);
  const foreignKeys = new Set(
    fkRows.map((r) => {
      const m = /FOREIGN KEY \(([^)]+)\) REFERENCES (\w+)\(([^)]+)\)(?:.*ON DELETE (CASCADE|SET NULL|RESTRICT|NO ACTION|SET DEFAULT))?/.exec(r.definition)!;
      const unquote = (s: string) => s.replace(/"/g, "");
      return `${unquote(r.table_name)}(${unquote(m[1]!)}) -> ${m[2]}(${unquote(m[3]!)}) ON DELETE ${m[4] ?? "NO ACTION"}`;
    }),
  );

  const enumRows = await sql.query<{ name: string; values: string }>(`
    SELECT t.typname AS name, string_agg(e.enumlabel, ',' ORDER BY e.enumsortorder) AS values
    FROM pg_type t JOIN pg_enum e ON e.enumtypid = t.oid JOIN pg_namespace n ON n.oid = t.typnamespace
    WHERE n.nspname = 'public' GROUP BY t.typname`);
  const enums = new Map(enumRows.map((r) => [r.name, r.values]));
  return { tables, indexes, foreignKeys, enums };
}

/** Every difference between the schema and the database, as readable lines; empty when in step. */
export async function findSchemaDrift(schema: string, sql: SqlRunner): Promise<string[]> {
  const expected = expectedFromSchema(schema);
  const actual = await actualFromDatabase(sql);
  const problems: string[] = [];

  for (const [table, columns] of expected.tables) {
    const actualColumns = actual.tables.get(table);
    if (!actualColumns) {
      problems.push(`table ${table} is in schema.prisma but not in the database`);
      continue;
    }
    for (const [column, want] of columns) {
      const have = actualColumns.get(column);
      if (!have) problems.push(`column ${table}.${column} is in schema.prisma but not in the database`);
      else {
        if (have.type !== want.type) problems.push(`column ${table}.${column} is ${have.type} in the database but ${want.type} in schema.prisma`);
        if (have.nullable !== want.nullable) problems.push(`column ${table}.${column} is ${have.nullable ? "nullable" : "NOT NULL"} in the database but ${want.nullable ? "optional" : "required"} in schema.prisma`);
      }
    }
    for (const column of actualColumns.keys()) {
      if (!columns.has(column)) problems.push(`column ${table}.${column} is in the database but not in schema.prisma`);
    }
  }
  for (const table of actual.tables.keys()) {
    if (!expected.tables.has(table)) problems.push(`table ${table} is in the database but not in schema.prisma`);
  }
  for (const index of expected.indexes) if (!actual.indexes.has(index)) problems.push(`index ${index} is in schema.prisma but not in the database`);
  for (const index of actual.indexes) if (!expected.indexes.has(index)) problems.push(`index ${index} is in the database but not in schema.prisma`);
  for (const fk of expected.foreignKeys) if (!actual.foreignKeys.has(fk)) problems.push(`foreign key ${fk} is in schema.prisma but not in the database`);
  for (const fk of actual.foreignKeys) if (!expected.foreignKeys.has(fk)) problems.push(`foreign key ${fk} is in the database but not in schema.prisma`);
  for (const [name, values] of expected.enums) {
    const have = actual.enums.get(name);
    if (have === undefined) problems.push(`enum ${name} is in schema.prisma but not in the database`);
    else if (have !== values) problems.push(`enum ${name} has values ${have} in the database but ${values} in schema.prisma`);
  }
  for (const name of actual.enums.keys()) if (!expected.enums.has(name)) problems.push(`enum ${name} is in the database but not in schema.prisma`);
  return problems.sort();
}
