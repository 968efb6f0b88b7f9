import { styleText } from 'node:util';

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

type Style = Parameters<typeof styleText>[0];

/**
 * Node's own styleText rather than chalk: chalk's terminal detection loads
 * node:tty and node:net at start-up (~9 ms of a cold start in CPU profiles),
 * and the CLI decides about colour itself anyway (see colorEnabled).
 */
export function createPalette(color: boolean): Palette {
  const paint =
    (style: Style): Paint =>
    text =>
      color ? styleText(style, text, { validateStream: false }) : text;
  return {
    red: paint('red'),
    yellow: paint('yellow'),
    blue: paint('blue'),
    green: paint('green'),
    dim: paint('dim'),
    bold: paint('bold'),
    underline: paint('underline'),
  };
}
