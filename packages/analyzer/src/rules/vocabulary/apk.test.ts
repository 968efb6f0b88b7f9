import { virtualGroupPurpose } from './apk';

describe('virtualGroupPurpose', () => {
  it.each([
    ['.python-rundeps', 'runtime'],
    ['.otp-run-deps', 'runtime'],
    ['.wordpress-phpexts-rundeps', 'runtime'],
    ['.nextcloud-phpext-rundeps', 'runtime'],
    ['.runtime-deps', 'runtime'],
    ['.imagick-so-deps', 'runtime'],
    ['.persistent-deps', 'runtime'],
    ['rundeps', 'runtime'],
    ['.build-deps', 'build'],
    ['.fetch-deps', 'build'],
    ['.gettext-build-deps', 'build'],
    ['build_dependencies', 'build'],
    ['.dev-deps', 'build'],
    ['buildtools', 'build'],
    ['.deps', 'unknown'],
    ['.extras', 'unknown'],
    ['.runner', 'unknown'],
  ])('%s is a %s group', (name, purpose) => {
    expect(virtualGroupPurpose(name)).toBe(purpose);
  });
});
