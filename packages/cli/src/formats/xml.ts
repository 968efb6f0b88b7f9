/*
 * The little XML the checkstyle and JUnit formats write. A builder library
 * (xmlbuilder2 and the like) would add hundreds of kilobytes to a bundle that
 * every run loads at start-up, for two flat documents; what they would
 * contribute is escaping, and that is here, tested against a real XML parser
 * and each format's published schema with hostile text (xml.test.ts).
 */

/**
 * Characters XML 1.0 cannot carry at all, not even as character references:
 * C0 controls other than tab, line feed and carriage return, lone UTF-16
 * surrogates, and U+FFFE/U+FFFF. Surrogate pairs (emoji and every other
 * character outside the BMP) are legal and kept.
 */
const NOT_XML =
  // eslint-disable-next-line no-control-regex -- finding control characters is the point
  /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

const REPLACEMENT_CHARACTER = '\uFFFD';

const TEXT_ENTITIES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '\n': '&#10;',
  '\r': '&#13;',
};

const ATTRIBUTE_ENTITIES: Record<string, string> = {
  ...TEXT_ENTITIES,
  '"': '&quot;',
  "'": '&apos;',
  '\t': '&#9;',
};

/** Drops what XML cannot represent, visibly (U+FFFD), rather than emit a document no parser accepts. */
export function xmlSafe(text: string): string {
  return text.replace(NOT_XML, REPLACEMENT_CHARACTER);
}

/**
 * Text content: `]]>` and markup cannot escape because `<`, `>` and `&` never
 * appear raw. Line breaks become character references so that the document
 * can be indented without changing any text (a parser turns a raw CR into LF).
 */
export function escapeXmlText(text: string): string {
  return xmlSafe(text).replace(/[&<>\n\r]/g, char => TEXT_ENTITIES[char]);
}

/**
 * An attribute value in double quotes. Tabs and line breaks become character
 * references: a parser normalises raw ones to spaces, and a multi-line
 * message would come back as one line.
 */
export function escapeXmlAttribute(value: string): string {
  return xmlSafe(value).replace(
    /[&<>"'\t\n\r]/g,
    char => ATTRIBUTE_ENTITIES[char],
  );
}

export type XmlAttributes = Record<string, string | number | undefined>;

/** `name="value"` pairs in the given order; undefined values are left out. */
export function xmlAttributes(attributes: XmlAttributes): string {
  return Object.entries(attributes)
    .filter(([, value]) => value !== undefined)
    .map(([name, value]) => ` ${name}="${escapeXmlAttribute(String(value))}"`)
    .join('');
}

/** One element; `children` are already-serialised elements, or its text content (escaped here). */
export function xmlElement(
  name: string,
  attributes: XmlAttributes,
  children: readonly string[] | string = [],
): string {
  const open = `<${name}${xmlAttributes(attributes)}`;
  if (typeof children === 'string') {
    return `${open}>${escapeXmlText(children)}</${name}>`;
  }
  if (children.length === 0) return `${open}/>`;
  return `${open}>\n${children.map(indent).join('\n')}\n</${name}>`;
}

export const XML_DECLARATION = '<?xml version="1.0" encoding="UTF-8"?>';

function indent(block: string): string {
  return block
    .split('\n')
    .map(line => `  ${line}`)
    .join('\n');
}
