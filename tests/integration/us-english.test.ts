import { readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';
import { files } from '../helpers/built-pages';
import { root } from '../helpers/data-files';

/**
 * The site prices in USD for US customers, so what they read is in US English: every catalog,
 * settings and guidelines value, the text and attributes of every .astro template, and every string
 * literal and JSX text in src/**\/*.ts(x). Keys, identifiers and comments are code, not copy, and are
 * not read; nor is a string literal that only names a property of the code (`key('storeys')`,
 * `'sites.0.storeys'`), as it is a key too. Each UK form below fails the test with file:line and the
 * US spelling to use.
 */

/** UK spelling (a word-boundary, case-insensitive pattern) and the US one to use instead. */
const ukForms: [RegExp, string][] = [
  [/\brecognis(e|es|ed|ing|able|ably|ation)\b/i, 'recognize'],
  [/\borganis(e|es|ed|ing|er|ers|ation|ations)\b/i, 'organize'],
  [/\banalys(e|ed|ing)\b/i, 'analyze'],
  [/\b(minimis|maximis|prioritis|customis|authoris|optimis|realis|summaris|categoris|finalis|visualis|standardis|utilis|apologis|emphasis|specialis|memoris|motoris|sanitis|normalis|initialis|synchronis)(e|es|ed|ing|ation|ations)\b/i, '-ize'],
  [/\b(centre|centres|centred)\b/i, 'center'],
  [/\b(kilo|centi|milli)?(metre|metres|litre|litres)\b/i, 'meter, liter'],
  [/\b(storey|storeys)\b/i, 'story, stories'],
  [/\b(labo|colo|favo|behavio|neighbo|hono|harbo|humo|rumo|vapo|odo|armo|flavo|savo)ur(s|ed|ing|ite|ites|able|hood|hoods|ful)?\b/i, '-or'],
  [/\b(licence|licences|defence|offence)\b/i, '-se'],
  [/\b(catalogue|catalogues|catalogued|programme|programmes|cheque|cheques|tyre|tyres|kerb|mould|manoeuvre|aluminium|artefact|grey)\b/i, 'catalog, program, check, tire, curb, mold, maneuver, aluminum, artifact, gray'],
  [/\b(enrol|enrols|enrolment|enrolments|fulfil|fulfils|fulfilment|instalment|instalments|skilful|wilful)\b/i, 'enroll, fulfill, installment, skillful'],
  [/\b(travelled|travelling|traveller|travellers|cancelled|cancelling|labelled|labelling|modelled|modelling|fuelled|fuelling|signalled|signalling|totalled|totalling|levelled|levelling|channelled|channelling|counselled|dialled|dialling)\b/i, 'one l: traveled, canceled, labeled'],
  [/\b(judgement|ageing|practise|practised|learnt|spelt|enquiry|enquiries|enquire|postcode|postcodes|whilst|amongst)\b/i, 'judgment, aging, practice, learned, spelled, inquiry, ZIP code, while, among'],
  // One word per concept: the forms, the configurator and the assessment all ask for a ZIP code.
  [/\bpostal codes?\b/i, 'ZIP code'],
];

interface Finding {
  file: string;
  line: number;
  word: string;
  use: string;
}

const srcDir = join(root, 'src');
const sourceFiles = files(srcDir).map((file) => relative(root, file));

function findingsIn(file: string, text: string, startLine: number): Finding[] {
  const found: Finding[] = [];
  text.split('\n').forEach((line, i) => {
    for (const [pattern, use] of ukForms) {
      for (const match of line.matchAll(new RegExp(pattern.source, 'gi'))) found.push({ file, line: startLine + i, word: match[0].toLowerCase(), use });
    }
  });
  return found;
}

/** Names of properties a TypeScript source declares or reads: object keys, type members, `a.name`, `{ name }`. */
function propertyNames(file: string, source: string, kind: ts.ScriptKind): string[] {
  const names: string[] = [];
  const visit = (node: ts.Node) => {
    const name =
      ts.isPropertyAssignment(node) || ts.isPropertySignature(node) || ts.isPropertyAccessExpression(node) || ts.isBindingElement(node)
        ? node.name
        : ts.isShorthandPropertyAssignment(node)
          ? node.name
          : undefined;
    if (name && ts.isIdentifier(name)) names.push(name.text);
    ts.forEachChild(node, visit);
  };
  visit(ts.createSourceFile(file, source, ts.ScriptTarget.Latest, true, kind));
  return names;
}

/** A string that is a property name or a dotted path of them (with indexes): a key, not copy. */
const isKey = (text: string, names: ReadonlySet<string>) => /^[A-Za-z][\w.]*$/.test(text) && text.split('.').every((part) => names.has(part) || /^\d+$/.test(part));

/** Customer-facing strings of TypeScript or TSX code: string literals, template text and JSX text. */
function codeFindings(file: string, source: string, kind: ts.ScriptKind, names: ReadonlySet<string> = new Set(propertyNames(file, source, kind))): Finding[] {
  const tree = ts.createSourceFile(file, source, ts.ScriptTarget.Latest, true, kind);
  const found: Finding[] = [];
  const visit = (node: ts.Node) => {
    if (ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node) || ts.isTemplateLiteralToken(node) || ts.isJsxText(node)) {
      const text = ts.isJsxText(node) ? node.getText(tree) : node.text;
      if (!ts.isJsxText(node) && isKey(text, names)) return;
      const start = node.getStart(tree);
      found.push(...findingsIn(file, text, tree.getLineAndCharacterOfPosition(start).line + 1));
    }
    ts.forEachChild(node, visit);
  };
  visit(tree);
  return found;
}

/** Replaces a span with spaces, keeping its line breaks, so what remains keeps its line numbers. */
const blank = (text: string) => text.replace(/[^\n]/g, ' ');

/**
 * An .astro file as three sources with the file's own line numbers: the frontmatter and the client
 * scripts as TypeScript, and the template (without them and its styles) as one JSX fragment.
 */
function astroFindings(file: string, source: string): Finding[] {
  const frontmatter = /^---\n[\s\S]*?\n---\n/.exec(source)?.[0] ?? '';
  const scripts = /(<script\b[^>]*>)([\s\S]*?)<\/script>/g;
  const only = (keep: (part: string, offset: number) => boolean) => {
    const kept = [...source.matchAll(/[\s\S]/g)];
    return kept.map((m) => (keep(m[0], m.index) ? m[0] : m[0] === '\n' ? '\n' : ' ')).join('');
  };
  const inScript = new Set<number>();
  for (const match of source.matchAll(scripts)) {
    const from = match.index + match[1]!.length;
    for (let i = from; i < from + match[2]!.length; i++) inScript.add(i);
  }
  const inFrontmatter = (offset: number) => offset > 3 && offset < frontmatter.length - 4;
  const template = source
    .replace(frontmatter, blank)
    .replace(scripts, blank)
    .replace(/<style\b[\s\S]*?<\/style>/g, blank)
    .replace(/<!doctype[^>]*>/gi, blank);
  return [
    ...codeFindings(file, only((_, offset) => inFrontmatter(offset)), ts.ScriptKind.TS),
    ...codeFindings(file, only((_, offset) => inScript.has(offset)), ts.ScriptKind.TS),
    ...codeFindings(file, `<>${template}</>`, ts.ScriptKind.TSX),
  ];
}

/** A YAML file's values, line by line, without comments and keys. */
function yamlFindings(file: string, source: string): Finding[] {
  const values = source
    .split('\n')
    .map((line) => line.replace(/(^|\s)#.*$/, '').replace(/(^|[\s{,-])[A-Za-z][\w-]*:(?=\s|$)/g, '$1'))
    .join('\n');
  return findingsIn(file, values, 1);
}

const scriptKind = (file: string) => (file.endsWith('.tsx') ? ts.ScriptKind.TSX : ts.ScriptKind.TS);
const codeFiles = sourceFiles.filter((file) => /\.tsx?$/.test(file));
/** Every property name in the code, as keys are often named in one file and quoted in another. */
const codeNames = new Set(codeFiles.flatMap((file) => propertyNames(file, readFileSync(join(root, file), 'utf8'), scriptKind(file))));

function findings(file: string): Finding[] {
  const source = readFileSync(join(root, file), 'utf8');
  if (file.endsWith('.yaml')) return yamlFindings(file, source);
  if (file.endsWith('.astro')) return astroFindings(file, source);
  if (/\.tsx?$/.test(file)) return codeFindings(file, source, scriptKind(file), codeNames);
  return [];
}

/** Words a protocol spells its own way, where the other spelling would break it; each with why. */
const protocolTokens: { file: string; word: string; why: string }[] = [
  { file: 'src/domain/scheduling/ics.ts', word: 'cancelled', why: 'RFC 5545 spells the STATUS value CANCELLED; calendars ignore any other spelling' },
  { file: 'src/domain/scheduling/ics.test.ts', word: 'cancelled', why: 'the test reads that STATUS value back' },
];
const isProtocolToken = (f: Finding) => protocolTokens.some((t) => t.file === f.file && t.word === f.word);

const all = sourceFiles.flatMap(findings).filter((f) => !isProtocolToken(f));
const listed = (list: Finding[]) => list.map((f) => `${f.file}:${f.line} "${f.word}" (US: ${f.use})`).join('\n');

describe('US English', () => {
  it('is read in the catalog, settings, guidelines, .astro templates and the .ts(x) code', () => {
    for (const kind of ['.yaml', '.astro', '.ts', '.tsx']) expect(sourceFiles.some((file) => file.endsWith(kind)), kind).toBe(true);
  });

  it('reads values, template text, attributes and string literals, and skips keys, identifiers and comments', () => {
    const words = (list: Finding[]) => list.map((f) => `${f.line}:${f.word}`);
    const yaml = ['# the colour key', 'licence: A centre', 'flow: { storey: 2, label: Labelled door }'].join('\n');
    expect(words(yamlFindings('a.yaml', yaml))).toEqual(['2:centre', '3:labelled']);
    const astro = [
      '---',
      "const metres = 3; // recognise",
      "const note = 'Aluminium housing';",
      '---',
      '<Base title="Colour cameras" class:list={[metres > 2 && "centre"]}>',
      '  <p>Each storey {metres}</p>',
      '</Base>',
      '<script>',
      "  alert(`cancelled`);",
      '</script>',
      '<style>.grey { color: grey; }</style>',
    ].join('\n');
    expect(words(astroFindings('a.astro', astro))).toEqual(['3:aluminium', '9:cancelled', '5:colour', '5:centre', '6:storey']);
    expect(words(codeFindings('a.tsx', "const organise = () => <p title='Recognise'>Neighbour {`travelled`}</p>;", ts.ScriptKind.TSX))).toEqual([
      '1:recognise',
      '1:neighbour',
      '1:travelled',
    ]);
    const keys = "const c = { storeys: 2, sites: [] }; c.organisation; field('storeys'); path('sites.0.storeys'); say('at least 1 storey'); say('storeys');";
    expect(words(codeFindings('a.ts', keys, ts.ScriptKind.TS))).toEqual(['1:storey']);
  });

  it('is the only spelling customers read', () => {
    expect(all, `UK spellings:\n${listed(all)}`).toEqual([]);
  });
});
