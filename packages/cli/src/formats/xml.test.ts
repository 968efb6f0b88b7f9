import { escapeXmlAttribute, escapeXmlText, xmlElement, xmlSafe } from './xml';

describe('xml escaping', () => {
  it('keeps characters outside the BMP and replaces what XML 1.0 cannot carry', () => {
    expect(xmlSafe('🐳 𝔘 ß é')).toBe('🐳 𝔘 ß é');
    expect(xmlSafe('a\u0000b\u0008c\u001bd\uFFFEe\uFFFF')).toBe(
      'a\uFFFDb\uFFFDc\uFFFDd\uFFFDe\uFFFD',
    );
    // Lone surrogates at either end, and a reversed pair.
    expect(xmlSafe('\uD800x\uDC00 \uDC00\uD800')).toBe(
      '\uFFFDx\uFFFD \uFFFD\uFFFD',
    );
    expect(xmlSafe('tab\tnew\nreturn\r')).toBe('tab\tnew\nreturn\r');
  });

  it('escapes markup, the CDATA terminator and line breaks in text', () => {
    expect(escapeXmlText('a ]]> <b> & c\r\nd')).toBe(
      'a ]]&gt; &lt;b&gt; &amp; c&#13;&#10;d',
    );
  });

  it('escapes both quotes and the whitespace a parser would normalise in attributes', () => {
    expect(escapeXmlAttribute(`"it's"\t<&>\n`)).toBe(
      '&quot;it&apos;s&quot;&#9;&lt;&amp;&gt;&#10;',
    );
  });

  it('indents nested elements without touching text content', () => {
    const xml = xmlElement('a', { n: 1, skipped: undefined }, [
      xmlElement('b', {}, 'one\ntwo'),
      xmlElement('c', {}),
    ]);
    expect(xml).toBe('<a n="1">\n  <b>one&#10;two</b>\n  <c/>\n</a>');
  });
});
