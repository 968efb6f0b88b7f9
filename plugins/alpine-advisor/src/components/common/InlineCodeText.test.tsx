import { render } from '@testing-library/react';
import { InlineCodeText } from './InlineCodeText';

describe('InlineCodeText', () => {
  it('shows backticked spans as code and everything else as text', () => {
    const { container } = render(
      <InlineCodeText text="Use `apk add --no-cache`, not `<b>apk update</b>` <i>alone</i>" />,
    );
    expect(
      [...container.querySelectorAll('code')].map(code => code.textContent),
    ).toEqual(['apk add --no-cache', '<b>apk update</b>']);
    expect(container.querySelector('b')).toBeNull();
    expect(container.querySelector('i')).toBeNull();
    expect(container.textContent).toBe(
      'Use apk add --no-cache, not <b>apk update</b> <i>alone</i>',
    );
  });

  it('leaves an unmatched backtick as text', () => {
    const { container } = render(<InlineCodeText text="a ` b" />);
    expect(container.textContent).toBe('a ` b');
  });
});
