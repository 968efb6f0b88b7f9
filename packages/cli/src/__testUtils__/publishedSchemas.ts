import fs from 'node:fs';
import path from 'node:path';
import { validateXML } from 'xmllint-wasm';

const FIXTURES = path.join(__dirname, '..', 'formats', '__fixtures__');

/** A published schema kept beside the format tests (see __fixtures__/README.md). */
export function readSchema(fileName: string): string {
  return fs.readFileSync(path.join(FIXTURES, fileName), 'utf8');
}

/**
 * Validates an XML document against an XSD with libxml2's xmllint (compiled
 * to WebAssembly, so no system package is needed). Resolves to xmllint's
 * messages: empty when the document is well-formed and valid.
 */
export async function xsdErrors(
  xml: string,
  xsdFileName: string,
): Promise<string[]> {
  const result = await validateXML({
    xml: [{ fileName: 'report.xml', contents: xml }],
    schema: [{ fileName: xsdFileName, contents: readSchema(xsdFileName) }],
  });
  return result.valid ? [] : result.errors.map(error => error.rawMessage);
}
