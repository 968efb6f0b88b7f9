import chalk from 'chalk';

type Paint = (text: string) => string;

/** The few styles the human-readable output uses; all identity functions without colour. */
export interface Palette {
  red: Paint;
  yellow: Paint;
  blue: Paint;
  green: Paint;
  dim: Paint;
  bold: Paint;
  underline: Paint;
}

export function createPalette(color: boolean): Palette {
  // Basic 16 colours: what every CI log viewer renders.
  const instance = new chalk.Instance({ level: color ? 1 : 0 });
  return {
    red: text => instance.red(text),
    yellow: text => instance.yellow(text),
    blue: text => instance.blue(text),
    green: text => instance.green(text),
    dim: text => instance.dim(text),
    bold: text => instance.bold(text),
    underline: text => instance.underline(text),
  };
}
