import { CommandBuilder } from './commandBuilder';
import type { Operator, Token } from './fastLexer';
import type { ShellCommand } from './types';

/** Words that start or end compound commands, or that only bash knows; at command position. */
const RESERVED_WORDS = new Set([
  'if',
  'then',
  'else',
  'elif',
  'fi',
  'do',
  'done',
  'case',
  'esac',
  'while',
  'until',
  'for',
  'in',
  'function',
  'select',
  '!',
  '{',
  '}',
  '[[',
  ']]',
  'time',
  'coproc',
]);

/** Thrown to leave the grammar when the body needs the real parser. */
export class NeedsRealParser extends Error {}

type Stop = (token: Token) => boolean;

const isWord = (token: Token | undefined, ...texts: string[]): boolean =>
  token?.kind === 'word' && texts.includes(token.text);
const isOperator = (
  token: Token | undefined,
  ...operators: Operator[]
): boolean => token?.kind === 'operator' && operators.includes(token.operator);

/** The grammar of the fast path over the lexer's tokens; throws NeedsRealParser to give up. */
export class FastParser {
  readonly commands: ShellCommand[] = [];
  hasPipeline = false;
  private position = 0;

  constructor(
    private readonly tokens: Token[],
    private readonly base: number,
  ) {}

  script(): void {
    this.list(() => false);
    if (this.position < this.tokens.length) throw new NeedsRealParser();
  }

  private peek(): Token | undefined {
    return this.tokens[this.position];
  }

  private skipNewlines(): void {
    while (isOperator(this.peek(), '\n')) this.position++;
  }

  private expectWord(text: string): void {
    if (!isWord(this.peek(), text)) throw new NeedsRealParser();
    this.position++;
  }

  private expectOperator(operator: Operator): void {
    if (!isOperator(this.peek(), operator)) throw new NeedsRealParser();
    this.position++;
  }

  /** A compound command's body must hold at least one command. */
  private nonEmptyList(stop: Stop): void {
    if (this.list(stop) === 0) throw new NeedsRealParser();
  }

  /** And-or lists separated by `;`, `&` or newlines, up to a stop token; returns how many. */
  private list(stop: Stop): number {
    let count = 0;
    for (;;) {
      this.skipNewlines();
      const token = this.peek();
      if (!token || stop(token)) return count;
      this.andOr();
      count++;
      const after = this.peek();
      if (!after) return count;
      if (isOperator(after, ';', '&', '\n')) {
        this.position++;
      } else if (!stop(after)) {
        throw new NeedsRealParser();
      }
    }
  }

  private andOr(): void {
    this.pipeline();
    while (isOperator(this.peek(), '&&', '||')) {
      this.position++;
      this.skipNewlines();
      this.pipeline();
    }
  }

  private pipeline(): void {
    if (isWord(this.peek(), '!')) this.position++;
    const first = this.commands.length;
    this.command();
    let piped = false;
    while (isOperator(this.peek(), '|')) {
      this.position++;
      this.skipNewlines();
      this.command();
      piped = true;
    }
    if (piped) {
      this.hasPipeline = true;
      for (let index = first; index < this.commands.length; index++)
        this.commands[index].inPipeline = true;
    }
  }

  private command(): void {
    const token = this.peek();
    if (isOperator(token, '(')) {
      this.position++;
      this.nonEmptyList(next => isOperator(next, ')'));
      this.expectOperator(')');
    } else if (token?.kind === 'word' && RESERVED_WORDS.has(token.text)) {
      this.compound(token.text);
    } else if (token?.kind === 'word' || token?.kind === 'redirect') {
      this.simpleCommand();
      return;
    } else {
      throw new NeedsRealParser();
    }
    // Redirections of a compound command (`done > log`) apply to its commands' output only.
    while (this.peek()?.kind === 'redirect') this.position++;
  }

  private compound(keyword: string): void {
    this.position++;
    switch (keyword) {
      case 'if':
        this.ifClause();
        return;
      case 'for':
        this.forClause();
        return;
      case 'while':
      case 'until':
        this.condition(next => isWord(next, 'do'));
        this.doGroup();
        return;
      case 'case':
        this.caseClause();
        return;
      case '{':
        this.nonEmptyList(next => isWord(next, '}'));
        this.expectWord('}');
        return;
      default:
        throw new NeedsRealParser();
    }
  }

  /** A condition list: its commands decide a branch. */
  private condition(stop: Stop): void {
    const first = this.commands.length;
    this.nonEmptyList(stop);
    for (let index = first; index < this.commands.length; index++)
      this.commands[index].inCondition = true;
  }

  private ifClause(): void {
    this.condition(next => isWord(next, 'then'));
    this.expectWord('then');
    this.nonEmptyList(next => isWord(next, 'elif', 'else', 'fi'));
    while (isWord(this.peek(), 'elif')) {
      this.position++;
      this.condition(next => isWord(next, 'then'));
      this.expectWord('then');
      this.nonEmptyList(next => isWord(next, 'elif', 'else', 'fi'));
    }
    if (isWord(this.peek(), 'else')) {
      this.position++;
      this.nonEmptyList(next => isWord(next, 'fi'));
    }
    this.expectWord('fi');
  }

  private forClause(): void {
    const name = this.peek();
    if (name?.kind !== 'word' || !/^[A-Za-z_][A-Za-z0-9_]*$/.test(name.text))
      throw new NeedsRealParser();
    this.position++;
    this.skipNewlines();
    if (isWord(this.peek(), 'in')) {
      this.position++;
      while (this.peek()?.kind === 'word') this.position++;
      if (!isOperator(this.peek(), ';', '\n')) throw new NeedsRealParser();
      this.position++;
    } else if (isOperator(this.peek(), ';')) {
      this.position++;
    }
    this.skipNewlines();
    this.doGroup();
  }

  private doGroup(): void {
    this.expectWord('do');
    this.nonEmptyList(next => isWord(next, 'done'));
    this.expectWord('done');
  }

  private caseClause(): void {
    if (this.peek()?.kind !== 'word') throw new NeedsRealParser();
    this.position++;
    this.skipNewlines();
    this.expectWord('in');
    this.skipNewlines();
    while (!isWord(this.peek(), 'esac')) {
      if (isOperator(this.peek(), '(')) this.position++;
      this.casePattern();
      while (isOperator(this.peek(), '|')) {
        this.position++;
        this.casePattern();
      }
      this.expectOperator(')');
      this.list(next => isOperator(next, ';;') || isWord(next, 'esac'));
      if (isOperator(this.peek(), ';;')) {
        this.position++;
        this.skipNewlines();
      } else if (!isWord(this.peek(), 'esac')) {
        throw new NeedsRealParser();
      }
    }
    this.expectWord('esac');
  }

  private casePattern(): void {
    if (this.peek()?.kind !== 'word') throw new NeedsRealParser();
    this.position++;
  }

  private simpleCommand(): void {
    const builder = new CommandBuilder();
    for (let token = this.peek(); token; token = this.peek()) {
      if (token.kind === 'word') {
        // `name() { …; }` defines a function: the real parser's job.
        if (
          !builder.hasCommandName &&
          isOperator(this.tokens[this.position + 1], '(')
        )
          throw new NeedsRealParser();
        if (
          !builder.hasCommandName &&
          /^[A-Za-z_][A-Za-z0-9_]*\[/.test(token.text)
        )
          throw new NeedsRealParser();
        builder.addWord(token.text, this.base + token.start);
      } else if (token.kind === 'redirect') {
        builder.addRedirect(
          token.operator,
          token.target,
          this.base + token.targetStart,
          this.base + token.start,
        );
      } else {
        break;
      }
      this.position++;
    }
    if (builder.isEmpty) throw new NeedsRealParser();
    this.commands.push(builder.build());
  }
}
