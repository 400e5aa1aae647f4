// The arXiv category taxonomy, with the names arXiv itself shows (arxiv.org/category_taxonomy
// and arxiv-base's taxonomy definitions). Category tags use these names; the code (cs.CL) is
// kept in the tag description so the UI can show either.
//
// Cross-listed aliases (cs.SY = eess.SY, math.IT = cs.IT, math.ST = stat.TH, math.MP =
// math-ph, q-fin.EC = econ.GN, cs.NA = math.NA) are separate codes on arXiv and papers carry
// them separately, so each keeps its own entry and its own tag.

/** Archives whose categories are "<archive>.<subject>" (cs.CL, cond-mat.dis-nn). */
const ARCHIVES_WITH_SUBJECTS = [
  "astro-ph",
  "cond-mat",
  "cs",
  "econ",
  "eess",
  "math",
  "nlin",
  "physics",
  "q-bio",
  "q-fin",
  "stat",
] as const;

/**
 * Archives that are a category on their own (hep-th), including the defunct ones that old
 * papers still carry (cmp-lg was folded into cs.CL in 1998, chao-dyn into nlin.CD, ...).
 */
const STANDALONE_CATEGORIES: Readonly<Record<string, string>> = {
  "gr-qc": "General Relativity and Quantum Cosmology",
  "hep-ex": "High Energy Physics - Experiment",
  "hep-lat": "High Energy Physics - Lattice",
  "hep-ph": "High Energy Physics - Phenomenology",
  "hep-th": "High Energy Physics - Theory",
  "math-ph": "Mathematical Physics",
  "nucl-ex": "Nuclear Experiment",
  "nucl-th": "Nuclear Theory",
  "quant-ph": "Quantum Physics",
  // Bare archive names that arXiv accepted as categories before the archive was split
  // (astro-ph until 2008-12, cond-mat until 2004-01, q-bio until 2003-08).
  "astro-ph": "Astrophysics",
  "cond-mat": "Condensed Matter",
  "q-bio": "Quantitative Biology",
  // Defunct archives, subsumed by the category in the comment.
  "acc-phys": "Accelerator Physics", // physics.acc-ph
  "adap-org": "Adaptation, Noise, and Self-Organizing Systems", // nlin.AO
  "alg-geom": "Algebraic Geometry", // math.AG
  "ao-sci": "Atmospheric-Oceanic Sciences", // physics.ao-ph
  "atom-ph": "Atomic, Molecular and Optical Physics", // physics.atom-ph
  "bayes-an": "Bayesian Analysis", // physics.data-an
  "chao-dyn": "Chaotic Dynamics", // nlin.CD
  "chem-ph": "Chemical Physics", // physics.chem-ph
  "cmp-lg": "Computation and Language", // cs.CL
  "comp-gas": "Cellular Automata and Lattice Gases", // nlin.CG
  "dg-ga": "Differential Geometry", // math.DG
  "funct-an": "Functional Analysis", // math.FA
  "mtrl-th": "Materials Theory", // cond-mat.mtrl-sci
  "patt-sol": "Pattern Formation and Solitons", // nlin.PS
  "plasm-ph": "Plasma Physics", // physics.plasm-ph
  "q-alg": "Quantum Algebra and Topology", // math.QA
  "solv-int": "Exactly Solvable and Integrable Systems", // nlin.SI
  "supr-con": "Superconductivity", // cond-mat.supr-con
};

const SUBJECT_CATEGORIES: Readonly<Record<string, string>> = {
  // Computer Science
  "cs.AI": "Artificial Intelligence",
  "cs.AR": "Hardware Architecture",
  "cs.CC": "Computational Complexity",
  "cs.CE": "Computational Engineering, Finance, and Science",
  "cs.CG": "Computational Geometry",
  "cs.CL": "Computation and Language",
  "cs.CR": "Cryptography and Security",
  "cs.CV": "Computer Vision and Pattern Recognition",
  "cs.CY": "Computers and Society",
  "cs.DB": "Databases",
  "cs.DC": "Distributed, Parallel, and Cluster Computing",
  "cs.DL": "Digital Libraries",
  "cs.DM": "Discrete Mathematics",
  "cs.DS": "Data Structures and Algorithms",
  "cs.ET": "Emerging Technologies",
  "cs.FL": "Formal Languages and Automata Theory",
  "cs.GL": "General Literature",
  "cs.GR": "Graphics",
  "cs.GT": "Computer Science and Game Theory",
  "cs.HC": "Human-Computer Interaction",
  "cs.IR": "Information Retrieval",
  "cs.IT": "Information Theory",
  "cs.LG": "Machine Learning",
  "cs.LO": "Logic in Computer Science",
  "cs.MA": "Multiagent Systems",
  "cs.MM": "Multimedia",
  "cs.MS": "Mathematical Software",
  "cs.NA": "Numerical Analysis",
  "cs.NE": "Neural and Evolutionary Computing",
  "cs.NI": "Networking and Internet Architecture",
  "cs.OH": "Other Computer Science",
  "cs.OS": "Operating Systems",
  "cs.PF": "Performance",
  "cs.PL": "Programming Languages",
  "cs.RO": "Robotics",
  "cs.SC": "Symbolic Computation",
  "cs.SD": "Sound",
  "cs.SE": "Software Engineering",
  "cs.SI": "Social and Information Networks",
  "cs.SY": "Systems and Control",

  // Economics
  "econ.EM": "Econometrics",
  "econ.GN": "General Economics",
  "econ.TH": "Theoretical Economics",

  // Electrical Engineering and Systems Science
  "eess.AS": "Audio and Speech Processing",
  "eess.IV": "Image and Video Processing",
  "eess.SP": "Signal Processing",
  "eess.SY": "Systems and Control",

  // Mathematics
  "math.AC": "Commutative Algebra",
  "math.AG": "Algebraic Geometry",
  "math.AP": "Analysis of PDEs",
  "math.AT": "Algebraic Topology",
  "math.CA": "Classical Analysis and ODEs",
  "math.CO": "Combinatorics",
  "math.CT": "Category Theory",
  "math.CV": "Complex Variables",
  "math.DG": "Differential Geometry",
  "math.DS": "Dynamical Systems",
  "math.FA": "Functional Analysis",
  "math.GM": "General Mathematics",
  "math.GN": "General Topology",
  "math.GR": "Group Theory",
  "math.GT": "Geometric Topology",
  "math.HO": "History and Overview",
  "math.IT": "Information Theory",
  "math.KT": "K-Theory and Homology",
  "math.LO": "Logic",
  "math.MG": "Metric Geometry",
  "math.MP": "Mathematical Physics",
  "math.NA": "Numerical Analysis",
  "math.NT": "Number Theory",
  "math.OA": "Operator Algebras",
  "math.OC": "Optimization and Control",
  "math.PR": "Probability",
  "math.QA": "Quantum Algebra",
  "math.RA": "Rings and Algebras",
  "math.RT": "Representation Theory",
  "math.SG": "Symplectic Geometry",
  "math.SP": "Spectral Theory",
  "math.ST": "Statistics Theory",

  // Quantitative Biology
  "q-bio.BM": "Biomolecules",
  "q-bio.CB": "Cell Behavior",
  "q-bio.GN": "Genomics",
  "q-bio.MN": "Molecular Networks",
  "q-bio.NC": "Neurons and Cognition",
  "q-bio.OT": "Other Quantitative Biology",
  "q-bio.PE": "Populations and Evolution",
  "q-bio.QM": "Quantitative Methods",
  "q-bio.SC": "Subcellular Processes",
  "q-bio.TO": "Tissues and Organs",

  // Quantitative Finance
  "q-fin.CP": "Computational Finance",
  "q-fin.EC": "Economics",
  "q-fin.GN": "General Finance",
  "q-fin.MF": "Mathematical Finance",
  "q-fin.PM": "Portfolio Management",
  "q-fin.PR": "Pricing of Securities",
  "q-fin.RM": "Risk Management",
  "q-fin.ST": "Statistical Finance",
  "q-fin.TR": "Trading and Market Microstructure",

  // Statistics
  "stat.AP": "Applications",
  "stat.CO": "Computation",
  "stat.ME": "Methodology",
  "stat.ML": "Machine Learning",
  "stat.OT": "Other Statistics",
  "stat.TH": "Statistics Theory",

  // Physics
  "physics.acc-ph": "Accelerator Physics",
  "physics.ao-ph": "Atmospheric and Oceanic Physics",
  "physics.app-ph": "Applied Physics",
  "physics.atm-clus": "Atomic and Molecular Clusters",
  "physics.atom-ph": "Atomic Physics",
  "physics.bio-ph": "Biological Physics",
  "physics.chem-ph": "Chemical Physics",
  "physics.class-ph": "Classical Physics",
  "physics.comp-ph": "Computational Physics",
  "physics.data-an": "Data Analysis, Statistics and Probability",
  "physics.ed-ph": "Physics Education",
  "physics.flu-dyn": "Fluid Dynamics",
  "physics.gen-ph": "General Physics",
  "physics.geo-ph": "Geophysics",
  "physics.hist-ph": "History and Philosophy of Physics",
  "physics.ins-det": "Instrumentation and Detectors",
  "physics.med-ph": "Medical Physics",
  "physics.optics": "Optics",
  "physics.plasm-ph": "Plasma Physics",
  "physics.pop-ph": "Popular Physics",
  "physics.soc-ph": "Physics and Society",
  "physics.space-ph": "Space Physics",

  // Condensed Matter
  "cond-mat.dis-nn": "Disordered Systems and Neural Networks",
  "cond-mat.mes-hall": "Mesoscale and Nanoscale Physics",
  "cond-mat.mtrl-sci": "Materials Science",
  "cond-mat.other": "Other Condensed Matter",
  "cond-mat.quant-gas": "Quantum Gases",
  "cond-mat.soft": "Soft Condensed Matter",
  "cond-mat.stat-mech": "Statistical Mechanics",
  "cond-mat.str-el": "Strongly Correlated Electrons",
  "cond-mat.supr-con": "Superconductivity",

  // Astrophysics
  "astro-ph.CO": "Cosmology and Nongalactic Astrophysics",
  "astro-ph.EP": "Earth and Planetary Astrophysics",
  "astro-ph.GA": "Astrophysics of Galaxies",
  "astro-ph.HE": "High Energy Astrophysical Phenomena",
  "astro-ph.IM": "Instrumentation and Methods for Astrophysics",
  "astro-ph.SR": "Solar and Stellar Astrophysics",

  // Nonlinear Sciences
  "nlin.AO": "Adaptation and Self-Organizing Systems",
  "nlin.CD": "Chaotic Dynamics",
  "nlin.CG": "Cellular Automata and Lattice Gases",
  "nlin.PS": "Pattern Formation and Solitons",
  "nlin.SI": "Exactly Solvable and Integrable Systems",
};

/** Every known category code and its arXiv name, in taxonomy order (subjects first). */
export const ARXIV_CATEGORIES: Readonly<Record<string, string>> = { ...SUBJECT_CATEGORIES, ...STANDALONE_CATEGORIES };

/**
 * Every archive name. A category slug always equals one of these or starts with one followed
 * by "-", which is what keeps category slugs apart from topic slugs (see topic-rules.ts).
 */
export const ARXIV_ARCHIVES: readonly string[] = [...ARCHIVES_WITH_SUBJECTS, ...Object.keys(STANDALONE_CATEGORIES)]
  .filter((archive, index, all) => all.indexOf(archive) === index)
  .sort();

// Category codes from feeds are usually canonical (cs.CL), but submissions and old dumps
// sometimes lowercase them; the slug is case-insensitive, so it doubles as the lookup key.
const CODE_BY_SLUG: ReadonlyMap<string, string> = new Map(Object.keys(ARXIV_CATEGORIES).map((code) => [categorySlug(code), code]));

const WITH_SUBJECTS: ReadonlySet<string> = new Set(ARCHIVES_WITH_SUBJECTS);
/** archive "." subject; subjects are two letters (cs.CL) or lowercase words (cond-mat.dis-nn). */
const CATEGORY_SHAPE = /^([a-z]+(?:-[a-z]+)?)\.([A-Za-z]{2}|[a-z]+(?:-[a-z]+)?)$/;

/** "cs.CL" -> "cs-cl", "cond-mat.dis-nn" -> "cond-mat-dis-nn". Lowercase, [a-z0-9-] only. */
export function categorySlug(code: string): string {
  return code
    .trim()
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "");
}

/**
 * The arXiv code of a category tag slug ("cs-lg" -> "cs.LG"), for labels: two categories
 * can share a name (cs.LG and stat.ML are both "Machine Learning"), their codes never do.
 */
export function categoryCodeForSlug(slug: string): string | null {
  return CODE_BY_SLUG.get(slug) ?? null;
}

/** The canonical spelling of a known code ("cs.cl" -> "cs.CL"), or null. */
export function findKnownCategory(code: string): string | null {
  if (Object.hasOwn(ARXIV_CATEGORIES, code)) return code;
  return CODE_BY_SLUG.get(categorySlug(code)) ?? null;
}

export function isKnownCategory(code: string): boolean {
  return findKnownCategory(code) !== null;
}

/** The arXiv name ("Computation and Language"); an unknown code is returned as given. */
export function categoryName(code: string): string {
  const known = findKnownCategory(code);
  return known === null ? code : (ARXIV_CATEGORIES[known] ?? code);
}

/**
 * The code to tag a paper with, or null for something that is not an arXiv category. Known
 * codes come back canonical; a well-formed code under a known archive (a subject class arXiv
 * adds later, say cs.QC) is kept as given so new categories still get a tag.
 */
export function normalizeCategory(code: string): string | null {
  const known = findKnownCategory(code);
  if (known !== null) return known;
  const trimmed = code.trim();
  const shape = CATEGORY_SHAPE.exec(trimmed);
  return shape?.[1] !== undefined && WITH_SUBJECTS.has(shape[1]) ? trimmed : null;
}
