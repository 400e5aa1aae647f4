import { TOPIC_RULES, TOPIC_THRESHOLD, type TopicField, type TopicPattern, type TopicRule } from "./topic-rules";

// Runs the rule set of topic-rules.ts over a paper. The pattern syntax and the scoring are
// documented there and in docs/tags.md.
//
// Speed: a rule set is compiled once (at module load for TOPIC_RULES). Every pattern has
// "needles", the lowercase words every match contains, and one pass over each field
// (Aho-Corasick, see NeedleIndex) finds which needles occur. A pattern runs its regex only
// when all its needles occur, and almost every pattern is absent from almost every paper.
// Prefiltering each of the ~840 patterns with its own String#includes was 8x slower overall.

export interface TopicInput {
  title: string;
  abstract: string;
  /** Curated keywords (Hugging Face ai_keywords); optional. */
  keywords?: readonly string[] | null;
}

interface CompiledPattern {
  regex: RegExp;
  /** Ids in the rule set's NeedleIndex that must all occur; empty: always run the regex. */
  needleIds: readonly number[];
  /** Points per abstract hit: 1 strong, 0.5 weak. Title and keyword hits count double. */
  points: number;
  /**
   * Most points the pattern adds over all fields. A weak pattern adds less than the
   * threshold, so it corroborates and never applies a topic alone, even when it is in the
   * title and the abstract (or the keywords) at once; a strong one is not capped.
   */
  maxPoints: number;
  /** Bit set of FIELD_BITS where the pattern counts. */
  fieldMask: number;
}

interface PositivePattern extends CompiledPattern {
  /** Index of its topic in CompiledRuleSet.topics. */
  topic: number;
}

interface CompiledTopic {
  slug: string;
  exclusions: readonly CompiledPattern[];
}

interface CompiledRuleSet {
  topics: readonly CompiledTopic[];
  patterns: readonly PositivePattern[];
  /** needle id -> indexes into `patterns` whose first needle it is. */
  patternsByNeedle: readonly (readonly number[])[];
  /** Patterns without a needle: they run on every paper. */
  unconditional: readonly number[];
  index: NeedleIndex;
  /** Scratch for one paper: FIELD_BITS of the fields each needle occurs in. */
  found: Uint8Array;
}

interface FieldText {
  bit: number;
  text: string;
  /** At most this many hits of one pattern count. */
  cap: number;
  /** Points multiplier for a hit in this field. */
  factor: number;
}

type Span = readonly [start: number, end: number];

const FIELD_BITS: Readonly<Record<TopicField, number>> = { title: 1, keywords: 2, abstract: 4 };
const ALL_FIELDS = FIELD_BITS.title | FIELD_BITS.keywords | FIELD_BITS.abstract;
// Hyphen, non-breaking hyphen, figure dash, en dash: abstracts use all of them between words.
const SEPARATOR = "[\\s\\-\\u2010-\\u2013]*";
const WORD_START = "(?<![A-Za-z0-9])";
const WORD_END = "(?![A-Za-z0-9])";
// Keywords are matched as one string; the joiner is not a separator, so a phrase cannot
// straddle two keywords.
const KEYWORD_JOINER = " | ";
const FUNCTION_WORDS: ReadonlySet<string> = new Set(["a", "an", "and", "as", "at", "based", "by", "for", "from", "in", "of", "on", "or", "the", "to", "with"]);

const compiledByRules = new WeakMap<readonly TopicRule[], CompiledRuleSet>();
// Local copies: under some loaders (tsx, vitest) every read of an imported binding goes
// through a getter, which showed up in profiles of this hot path.
const DEFAULT_RULES = TOPIC_RULES;
const THRESHOLD = TOPIC_THRESHOLD;

/** Topic slugs for a paper, sorted. */
export function matchTopics(paper: TopicInput, rules: readonly TopicRule[] = DEFAULT_RULES): string[] {
  const compiled = getCompiledRules(rules);
  const scores = scorePaper(paper, compiled, THRESHOLD);
  const slugs: string[] = [];
  scores.forEach((score, topic) => {
    const slug = compiled.topics[topic]?.slug;
    if (score >= THRESHOLD && slug !== undefined) slugs.push(slug);
  });
  return slugs.sort();
}

/**
 * The full score of every topic that scored anything, for debugging a rule ("why is this
 * paper tagged agents?"). matchTopics stops counting a topic at the threshold; this does not.
 */
export function scoreTopics(paper: TopicInput, rules: readonly TopicRule[] = DEFAULT_RULES): Record<string, number> {
  const compiled = getCompiledRules(rules);
  const scores = scorePaper(paper, compiled, Number.POSITIVE_INFINITY);
  const result: Record<string, number> = {};
  scores.forEach((score, topic) => {
    const slug = compiled.topics[topic]?.slug;
    if (score > 0 && slug !== undefined) result[slug] = score;
  });
  return result;
}

function getCompiledRules(rules: readonly TopicRule[]): CompiledRuleSet {
  let compiled = compiledByRules.get(rules);
  if (compiled === undefined) {
    compiled = compileRules(rules);
    compiledByRules.set(rules, compiled);
  }
  return compiled;
}

/** Score per topic index. A topic stops being counted once it reaches stopAt. */
function scorePaper(paper: TopicInput, compiled: CompiledRuleSet, stopAt: number): Float64Array {
  const fields: readonly FieldText[] = [
    { bit: FIELD_BITS.title, text: paper.title, cap: 1, factor: 2 },
    { bit: FIELD_BITS.keywords, text: (paper.keywords ?? []).join(KEYWORD_JOINER), cap: 1, factor: 2 },
    { bit: FIELD_BITS.abstract, text: paper.abstract, cap: 2, factor: 1 },
  ];
  const { found, patterns } = compiled;
  const present: number[] = [];
  try {
    for (const field of fields) compiled.index.scan(field.text.toLowerCase(), found, field.bit, present);
    // Only patterns whose first needle occurs can match; the others are never looked at.
    const candidates = [...compiled.unconditional];
    for (const needle of present) candidates.push(...(compiled.patternsByNeedle[needle] ?? []));
    const scores = new Float64Array(compiled.topics.length);
    // Exclusion spans per (topic, field), computed on the first hit that needs them.
    const excludedCache = new Map<number, readonly Span[]>();
    for (const candidate of candidates) {
      const pattern = patterns[candidate];
      if (pattern === undefined || (scores[pattern.topic] ?? 0) >= stopAt) continue;
      const exclusions = compiled.topics[pattern.topic]?.exclusions ?? [];
      let patternScore = 0;
      for (const field of fields) {
        if (!isCandidate(pattern, field.bit, found)) continue;
        const getExcluded =
          exclusions.length === 0
            ? null
            : (): readonly Span[] => {
                const key = pattern.topic * 8 + field.bit;
                let spans = excludedCache.get(key);
                if (spans === undefined) {
                  spans = findSpans(exclusions, field, found);
                  excludedCache.set(key, spans);
                }
                return spans;
              };
        const hits = countHits(pattern.regex, field.text, field.cap, getExcluded);
        patternScore += hits * pattern.points * field.factor;
      }
      scores[pattern.topic] = (scores[pattern.topic] ?? 0) + Math.min(patternScore, pattern.maxPoints);
    }
    return scores;
  } finally {
    // The scratch is shared by every call on this rule set; leave it clean.
    for (const needle of present) found[needle] = 0;
  }
}

function isCandidate(pattern: CompiledPattern, bit: number, found: Uint8Array): boolean {
  if ((pattern.fieldMask & bit) === 0) return false;
  for (const id of pattern.needleIds) if (((found[id] ?? 0) & bit) === 0) return false;
  return true;
}

function countHits(regex: RegExp, text: string, cap: number, getExcluded: (() => readonly Span[]) | null): number {
  let hits = 0;
  regex.lastIndex = 0;
  for (let match = regex.exec(text); match !== null; match = regex.exec(text)) {
    const start = match.index;
    const end = start + match[0].length;
    // A zero-length match would repeat forever; no rule should produce one, but be safe.
    if (end === start) regex.lastIndex += 1;
    if (getExcluded === null || !overlapsAny(getExcluded(), start, end)) {
      hits += 1;
      if (hits >= cap) break;
    }
  }
  return hits;
}

function findSpans(patterns: readonly CompiledPattern[], field: FieldText, found: Uint8Array): readonly Span[] {
  const spans: Span[] = [];
  for (const pattern of patterns) {
    if (!isCandidate(pattern, field.bit, found)) continue;
    pattern.regex.lastIndex = 0;
    for (let match = pattern.regex.exec(field.text); match !== null; match = pattern.regex.exec(field.text)) {
      if (match[0].length === 0) pattern.regex.lastIndex += 1;
      spans.push([match.index, match.index + match[0].length]);
    }
  }
  return spans;
}

function overlapsAny(spans: readonly Span[], start: number, end: number): boolean {
  return spans.some(([spanStart, spanEnd]) => start < spanEnd && spanStart < end);
}

// ------------------------------------------------------------------ compiling

interface PatternDraft {
  regex: RegExp;
  /** Lowercase a-z0-9 words every match contains. */
  needles: readonly string[];
  points: number;
  fieldMask: number;
}

/** What one weak pattern can add at most (see CompiledPattern.maxPoints). */
const WEAK_MAX_POINTS = TOPIC_THRESHOLD * 0.75;

/** Throws on a malformed pattern, so a bad edit fails at module load and in the unit tests. */
function compileRules(rules: readonly TopicRule[]): CompiledRuleSet {
  const needles: string[] = [];
  const needleIds = new Map<string, number>();
  const toId = (needle: string): number => {
    let id = needleIds.get(needle);
    if (id === undefined) {
      id = needles.length;
      needles.push(needle);
      needleIds.set(needle, id);
    }
    return id;
  };
  const finish = (draft: PatternDraft): CompiledPattern => ({
    regex: draft.regex,
    needleIds: [...new Set(draft.needles)].map(toId),
    points: draft.points,
    maxPoints: draft.points < 1 ? WEAK_MAX_POINTS : Number.POSITIVE_INFINITY,
    fieldMask: draft.fieldMask,
  });

  const patterns: PositivePattern[] = [];
  const topics = rules.map((rule, topic) => {
    for (const pattern of rule.rules.any) patterns.push({ ...finish(compilePattern(pattern, rule.slug)), topic });
    return { slug: rule.slug, exclusions: (rule.rules.none ?? []).map((pattern) => finish(compilePattern(pattern, rule.slug))) };
  });

  const patternsByNeedle: number[][] = needles.map(() => []);
  const unconditional: number[] = [];
  patterns.forEach((pattern, index) => {
    const first = pattern.needleIds[0];
    if (first === undefined) unconditional.push(index);
    else patternsByNeedle[first]?.push(index);
  });
  return { topics, patterns, patternsByNeedle, unconditional, index: new NeedleIndex(needles), found: new Uint8Array(needles.length) };
}

function compilePattern(pattern: TopicPattern, slug: string): PatternDraft {
  const where = `topic "${slug}", pattern ${describePattern(pattern)}`;
  if (typeof pattern === "string") return compilePhrase(pattern, 1, ALL_FIELDS, where);
  const points = pattern.weak === true ? 0.5 : 1;
  const fieldMask = pattern.fields === undefined ? ALL_FIELDS : pattern.fields.reduce((mask, field) => mask | FIELD_BITS[field], 0);
  if ("phrase" in pattern) return compilePhrase(pattern.phrase, points, fieldMask, where);
  if ("acronym" in pattern) return compileAcronym(pattern.acronym, points, fieldMask, where);
  const flags = `${pattern.regex.flags.replace(/[gy]/g, "")}g`;
  const needles: string[] = [];
  if (pattern.needle !== undefined) {
    // The prefilter scans lowercased text, so a case-sensitive needle is lowercased too:
    // that only lets more papers through to the regex, never fewer.
    const needle = pattern.needle.toLowerCase();
    if (!isIndexableNeedle(needle)) throw new Error(`${where}: a needle is letters and digits only`);
    needles.push(needle);
  }
  return { regex: new RegExp(pattern.regex.source, flags), needles, points, fieldMask };
}

/** "kv cache" -> /(?<![A-Za-z0-9])kv[\s-]*cache(?:s|es)?(?![A-Za-z0-9])/gi; "quantiz*" -> prefix. */
function compilePhrase(phrase: string, points: number, fieldMask: number, where: string): PatternDraft {
  const prefix = phrase.endsWith("*");
  const words = (prefix ? phrase.slice(0, -1) : phrase)
    .trim()
    .toLowerCase()
    .split(/[\s-]+/)
    .filter((word) => word.length > 0);
  if (words.length === 0 || words.some((word) => word.includes("*"))) {
    throw new Error(`${where}: a phrase needs words, and * only at its end`);
  }
  const body = words.map(escapeRegex).join(SEPARATOR);
  const tail = prefix ? "[A-Za-z0-9]*" : `(?:s|es)?${WORD_END}`;
  return {
    regex: new RegExp(`${WORD_START}${body}${tail}`, "gi"),
    needles: selectNeedles(words),
    points,
    fieldMask,
  };
}

/** "RAG" -> whole word, case-sensitive, plural s; "*RAG" also accepts "GraphRAG". */
function compileAcronym(acronym: string, points: number, fieldMask: number, where: string): PatternDraft {
  const glued = acronym.startsWith("*");
  const core = glued ? acronym.slice(1) : acronym;
  if (!/^[A-Za-z0-9]+$/.test(core)) throw new Error(`${where}: an acronym is letters and digits, with an optional leading *`);
  const start = glued ? "(?<![A-Z0-9])" : WORD_START;
  return { regex: new RegExp(`${start}${core}s?${WORD_END}`, "g"), needles: [core.toLowerCase()], points, fieldMask };
}

/**
 * Each word of a phrase occurs verbatim in its matches (separators may be empty, words may
 * not), so each can be a needle. Function words ("of", "to", "a") occur in every abstract
 * and filter nothing while slowing the scan, so they are left out unless nothing else is left.
 */
function selectNeedles(words: readonly string[]): string[] {
  const indexable = words.filter(isIndexableNeedle);
  const useful = indexable.filter((word) => word.length > 1 && !FUNCTION_WORDS.has(word));
  return useful.length > 0 ? useful : indexable;
}

function describePattern(pattern: TopicPattern): string {
  if (typeof pattern === "string") return JSON.stringify(pattern);
  if ("regex" in pattern) return String(pattern.regex);
  return JSON.stringify(pattern);
}

function escapeRegex(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\/]/g, "\\$&");
}

// ------------------------------------------------------------------ needle index

const ALPHABET = 36; // a-z, 0-9; any other character ends the current word
const ROOT = 0;

function isIndexableNeedle(needle: string): boolean {
  return /^[a-z0-9]+$/.test(needle);
}

/** a-z -> 0-25, 0-9 -> 26-35, anything else -> -1. */
function toSymbol(code: number): number {
  if (code >= 97 && code <= 122) return code - 97;
  if (code >= 48 && code <= 57) return code - 22;
  return -1;
}

/** Which of many lowercase a-z0-9 needles occur in a text, in one pass (Aho-Corasick). */
class NeedleIndex {
  /** A DFA: transitions[node * ALPHABET + symbol] is the next node. */
  private readonly transitions: Int32Array;
  /**
   * Needle ids recognised on reaching a node (its own and those of its suffixes), flattened:
   * node n's ids are outputIds[outputStart[n]] up to outputIds[outputStart[n + 1]]. Flat
   * typed arrays scan about twice as fast as an array of arrays.
   */
  private readonly outputStart: Int32Array;
  private readonly outputIds: Int32Array;

  constructor(needles: readonly string[]) {
    const children: Int32Array[] = [new Int32Array(ALPHABET).fill(-1)];
    const outputs: number[][] = [[]];
    needles.forEach((needle, id) => {
      let node = ROOT;
      for (let i = 0; i < needle.length; i++) {
        const row = children[node] ?? new Int32Array(ALPHABET).fill(-1);
        const symbol = toSymbol(needle.charCodeAt(i));
        let child = row[symbol] ?? -1;
        if (child < 0) {
          child = children.length;
          children.push(new Int32Array(ALPHABET).fill(-1));
          outputs.push([]);
          row[symbol] = child;
        }
        node = child;
      }
      outputs[node]?.push(id);
    });

    // Breadth-first, so a node's failure link (its longest proper suffix that is also in the
    // trie) is complete before the node's own missing edges are copied from it.
    const transitions = new Int32Array(children.length * ALPHABET);
    const fail = new Int32Array(children.length);
    const queue: number[] = [ROOT];
    for (let head = 0; head < queue.length; head++) {
      const node = queue[head] ?? ROOT;
      const row = children[node] ?? new Int32Array(ALPHABET).fill(-1);
      const failNode = fail[node] ?? ROOT;
      if (node !== ROOT) outputs[node]?.push(...(outputs[failNode] ?? []));
      for (let symbol = 0; symbol < ALPHABET; symbol++) {
        const child = row[symbol] ?? -1;
        const viaFail = node === ROOT ? ROOT : (transitions[failNode * ALPHABET + symbol] ?? ROOT);
        if (child < 0) {
          transitions[node * ALPHABET + symbol] = viaFail;
        } else {
          transitions[node * ALPHABET + symbol] = child;
          fail[child] = viaFail;
          queue.push(child);
        }
      }
    }
    this.transitions = transitions;
    this.outputStart = new Int32Array(outputs.length + 1);
    this.outputIds = new Int32Array(outputs.flat());
    let offset = 0;
    outputs.forEach((ids, node) => {
      this.outputStart[node] = offset;
      offset += ids.length;
    });
    this.outputStart[outputs.length] = offset;
  }

  /**
   * ORs `bit` into found[id] for every needle that occurs in `lower` (lowercased text), and
   * appends to `present` every id that was not found before (found[id] was 0).
   */
  scan(lower: string, found: Uint8Array, bit: number, present: number[]): void {
    const { transitions, outputStart, outputIds } = this;
    let node = ROOT;
    for (let i = 0; i < lower.length; i++) {
      const symbol = toSymbol(lower.charCodeAt(i));
      if (symbol < 0) {
        node = ROOT;
        continue;
      }
      node = transitions[node * ALPHABET + symbol] ?? ROOT;
      const to = outputStart[node + 1] ?? 0;
      for (let k = outputStart[node] ?? 0; k < to; k++) {
        const id = outputIds[k] ?? 0;
        const before = found[id] ?? 0;
        if (before === 0) present.push(id);
        found[id] = before | bit;
      }
    }
  }
}

// At load, after NeedleIndex exists: a malformed default rule fails the import, not a request.
compiledByRules.set(DEFAULT_RULES, compileRules(DEFAULT_RULES));
