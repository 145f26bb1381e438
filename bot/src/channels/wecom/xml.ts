import { XMLParser, XMLValidator } from 'fast-xml-parser';

/**
 * The XML of WeCom callbacks: one `<xml>` root with flat elements (text or CDATA), and for card
 * events the nested SelectedItems. Parsing is strict — well-formed, one `<xml>` root, no DOCTYPE
 * (no entity definitions) — and values stay strings; the callers validate the shape with zod.
 */

export class WecomXmlError extends Error {}

const parser = new XMLParser({
  ignoreAttributes: true,
  parseTagValue: false,
  trimValues: false,
  processEntities: true,
  ignoreDeclaration: true,
  isArray: (name) => name === 'SelectedItem' || name === 'OptionId',
});

/** The children of the `<xml>` root, or a WecomXmlError saying what is wrong. */
export function parseWecomXml(text: string): Record<string, unknown> {
  if (/<!DOCTYPE|<!ENTITY/i.test(text)) throw new WecomXmlError('DOCTYPE/ENTITY not allowed');
  const valid = XMLValidator.validate(text);
  if (valid !== true) throw new WecomXmlError(`malformed XML at line ${valid.err.line}, column ${valid.err.col}: ${valid.err.code}`);
  const doc = parser.parse(text) as Record<string, unknown>;
  const roots = Object.keys(doc);
  if (roots.length !== 1 || roots[0] !== 'xml') throw new WecomXmlError('the document must have exactly one <xml> root');
  const root = doc.xml;
  if (typeof root !== 'object' || root === null || Array.isArray(root)) throw new WecomXmlError('the <xml> root has no elements');
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(root as Record<string, unknown>)) if (k !== '#text') out[k] = v;
  return out;
}

/** A CDATA section holding `s` exactly (a `]]>` inside is split across two sections). */
export function cdata(s: string): string {
  return `<![CDATA[${s.replaceAll(']]>', ']]]]><![CDATA[>')}]]>`;
}

/** A flat `<xml>` document: strings as CDATA, numbers as text, nested objects as elements. */
export function wecomXml(fields: Record<string, string | number | Record<string, string | number>>): string {
  const el = (k: string, v: string | number | Record<string, string | number>): string =>
    typeof v === 'number'
      ? `<${k}>${v}</${k}>`
      : typeof v === 'string'
        ? `<${k}>${cdata(v)}</${k}>`
        : `<${k}>${Object.entries(v)
            .map(([ck, cv]) => el(ck, cv))
            .join('')}</${k}>`;
  return `<xml>${Object.entries(fields)
    .map(([k, v]) => el(k, v))
    .join('')}</xml>`;
}
