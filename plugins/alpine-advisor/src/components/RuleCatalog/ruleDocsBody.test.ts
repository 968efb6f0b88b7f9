import { ruleDocsBody } from './ruleDocsBody';

describe('ruleDocsBody', () => {
  it('drops a leading top-level heading only', () => {
    expect(ruleDocsBody('# apk-no-cache\n\nText\n\n## Bad\n')).toBe(
      'Text\n\n## Bad\n',
    );
    expect(ruleDocsBody('## Bad\n\n# not a title')).toBe(
      '## Bad\n\n# not a title',
    );
  });
});
