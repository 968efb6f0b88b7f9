/*
 * An analyzer with an organisation's own rules next to the built-in ones, for
 * hosts that let modules add rules (the Backstage backend's rules extension
 * point). Added rules use the same Rule interface as built-in rules and go
 * through the same config, suppression and scoring.
 */
import { analyzeDockerfile, analyzeWithRules } from './analyze';
import type { DockerfileInput } from './analyze';
import { describeRule, listRules } from './catalog';
import { parseConfig } from './parseConfigWithCatalog';
import { RULES } from './rules';
import type { Rule, RuleVisitors } from './rules/framework/types';
import type {
  AnalyzeOptions,
  AnalyzerConfig,
  FileReport,
  RuleDescription,
} from './types';

/** A rule added by a host, with its Markdown docs (what, why, bad and good example). @public */
export interface AdditionalRule extends Rule {
  docs?: string;
}

/** The analyzer facade over built-in plus added rules. @public */
export interface Analyzer {
  /** Never throws; a failing added rule is skipped for that file. */
  analyzeDockerfile(
    file: DockerfileInput,
    options?: AnalyzeOptions,
  ): FileReport;
  listRules(): RuleDescription[];
  getRule(idOrAlias: string): RuleDescription | undefined;
  /** parseConfig that also accepts the added rules' ids and aliases. */
  parseConfig(yamlText: string, sourceName: string): AnalyzerConfig;
}

/**
 * Builds an analyzer with `additionalRules` after the built-in rules. Throws
 * when an added rule's id or alias is already taken, so that a clash shows
 * at start-up rather than as silently merged findings.
 * @public
 */
export function createAnalyzer(
  options: { additionalRules?: readonly AdditionalRule[] } = {},
): Analyzer {
  const added = options.additionalRules ?? [];
  if (added.length === 0) {
    return {
      analyzeDockerfile,
      listRules,
      getRule: id => findRule(listRules(), id),
      parseConfig: (yamlText, sourceName) => parseConfig(yamlText, sourceName),
    };
  }
  assertUniqueNames(added);
  const rules: readonly Rule[] = [...RULES, ...added.map(isolated)];
  const descriptions = (): RuleDescription[] => [
    ...listRules(),
    ...added.map(rule => describeRule(rule.meta, rule.docs ?? '')),
  ];
  const getRule = (id: string) => findRule(descriptions(), id);
  return {
    analyzeDockerfile(file, analyzeOptions = {}) {
      try {
        return analyzeWithRules(file, rules, analyzeOptions);
      } catch {
        // Added rules are isolated; this is the engine itself failing, which
        // the built-in facade turns into a finding.
        return analyzeDockerfile(file, analyzeOptions);
      }
    },
    listRules: descriptions,
    getRule,
    parseConfig: (yamlText, sourceName) =>
      parseConfig(yamlText, sourceName, id => getRule(id)?.id),
  };
}

function findRule(
  rules: RuleDescription[],
  id: string,
): RuleDescription | undefined {
  const wanted = id.trim().toLowerCase();
  return rules.find(
    rule =>
      rule.id === wanted ||
      rule.aliases.some(alias => alias.toLowerCase() === wanted),
  );
}

function assertUniqueNames(added: readonly AdditionalRule[]): void {
  const taken = new Set(
    RULES.flatMap(rule =>
      [rule.meta.id, ...rule.meta.aliases].map(name => name.toLowerCase()),
    ),
  );
  for (const rule of added) {
    for (const name of [rule.meta.id, ...rule.meta.aliases]) {
      if (taken.has(name.toLowerCase())) {
        throw new Error(
          `Rule id or alias "${name}" of added rule "${rule.meta.id}" is already in use`,
        );
      }
      taken.add(name.toLowerCase());
    }
  }
}

/** An added rule whose exceptions cost only its own findings. */
function isolated(rule: Rule): Rule {
  return {
    meta: rule.meta,
    check: context => {
      let visitors: RuleVisitors;
      try {
        visitors = rule.check(context);
      } catch {
        return {};
      }
      const guarded: Record<string, unknown> = {};
      for (const [key, visitor] of Object.entries(visitors)) {
        guarded[key] =
          typeof visitor === 'function'
            ? (...args: unknown[]) => {
                try {
                  (visitor as (...visitorArgs: unknown[]) => void)(...args);
                } catch {
                  // A broken organisation rule must not cost the built-in findings.
                }
              }
            : visitor;
      }
      return guarded as RuleVisitors;
    },
  };
}
