// Prints every token as a CSS custom property, e.g. --color-brand-primary.
const tokens = require('../tokens/index.json');

function* flatten(prefix, node) {
  for (const [key, value] of Object.entries(node)) {
    const name = `${prefix}-${key}`;
    if (typeof value === 'object') yield* flatten(name, value);
    else yield `  ${name}: ${value};`;
  }
}

console.log(`:root {\n${[...flatten('-', tokens)].join('\n')}\n}`);
