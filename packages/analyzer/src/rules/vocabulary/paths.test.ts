import { globBase, pathContains, pathsOverlap, resolvePath } from './paths';

describe('container paths', () => {
  it('resolves relative paths, dot segments and trailing slashes', () => {
    expect(resolvePath('node_modules', '/app')).toBe('/app/node_modules');
    expect(resolvePath('./dist/', '/app')).toBe('/app/dist');
    expect(resolvePath('../lib//x', '/app/src')).toBe('/app/lib/x');
    expect(resolvePath('/usr/local/bin/')).toBe('/usr/local/bin');
    expect(resolvePath('.', '/')).toBe('/');
  });

  it('takes the directory before the first glob', () => {
    expect(globBase('/app/*')).toBe('/app');
    expect(globBase('/out/lib*.so')).toBe('/out');
    expect(globBase('/*')).toBe('/');
    expect(globBase('*.whl')).toBe('.');
    expect(globBase('/usr/local/bin/app')).toBe('/usr/local/bin/app');
  });

  it('knows when one path lies inside another', () => {
    expect(pathContains('/app', '/app/node_modules/sharp')).toBe(true);
    expect(pathContains('/app', '/app')).toBe(true);
    expect(pathContains('/app', '/application')).toBe(false);
    expect(pathContains('/', '/anything')).toBe(true);
    expect(pathsOverlap('/app/node_modules', '/app')).toBe(true);
    expect(pathsOverlap('/app/dist', '/app/node_modules')).toBe(false);
  });
});
