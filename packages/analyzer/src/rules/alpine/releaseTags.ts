/*
 * Shared by the release rules: what to move to (computed from the release
 * table at the analysis clock) and the mechanical edit of a FROM tag where
 * the tag convention is known: the `alpine` image's `X.Y[.Z]` tags and the
 * `-alpineX.Y` suffixes of the official images listed in officialImages.ts.
 */
import type { AlpineRelease } from '../../model/alpineReleases';
import type { Knowledge } from '../../knowledge/Knowledge';
import {
  bareAlpineTag,
  officialAlpineVariants,
} from '../../knowledge/officialImages';
import { imagePath } from '../../model';
import type { Stage } from '../../model';
import type { FromInstruction } from '../../parse';
import type { RuleContext, RuleFix } from '../framework/types';

/** `alpine` on Docker Hub (not a mirror whose tags we cannot know). */
export function isOfficialAlpine(stage: Stage): boolean {
  return !stage.image.registry && imagePath(stage.image) === 'alpine';
}

/**
 * Whether the stage's tag follows the newest Alpine branch: the `alpine`
 * image's `latest` and major tags, and the bare `-alpine` tags of the
 * official images' maintained lines (officialImages.ts).
 */
export function followsNewestBranch(stage: Stage): boolean {
  if (stage.image.digest || stage.image.unresolved) return false;
  const tag = (stage.image.tag ?? 'latest').toLowerCase();
  if (isOfficialAlpine(stage)) return tag === 'latest' || /^\d+$/.test(tag);
  if (stage.image.registry) return false;
  return bareAlpineTag(imagePath(stage.image), tag)?.kind === 'follows-newest';
}

/**
 * The image as a release finding names it: with the reason for its branch
 * when the tag names none and the knowledge gives the line's last build
 * (`node:18-alpine, the last build of node 18`).
 */
export function imageWithBranchSource(stage: Stage): string {
  const lastBuild = droppedLineOf(stage);
  return lastBuild
    ? `${stage.image.text}, the last build of ${lastBuild.image} ${lastBuild.line}`
    : stage.image.text;
}

/**
 * A remediation for a tag of a line no longer built: a newer Alpine comes
 * only with a maintained line of the language. Undefined for other tags.
 */
export function lineRemediation(
  stage: Stage,
  knowledge: Knowledge,
  now: Date,
): string | undefined {
  const lastBuild = droppedLineOf(stage);
  if (!lastBuild) return undefined;
  const { image, line } = lastBuild;
  const maintained = officialAlpineVariants(image)!.maintainedLines;
  const branch = upgradeTarget(knowledge, now)?.version ?? '';
  const example = `${image}:${
    maintained[maintained.length - 1]
  }-alpine${branch}`;
  return (
    `${image} ${line} is no longer built, so no newer Alpine comes under this tag: ` +
    `move to a maintained ${image} line (${maintained.join(
      ', ',
    )} as of knowledge ${knowledge.stamp.version}), ` +
    `e.g. \`${example}\`, and test the application on it.`
  );
}

/**
 * The official image and line a stage's bare `-alpine` tag names, when that
 * line is no longer built and the stage took its last build's branch from
 * the knowledge (Knowledge.classifyImage): what a finding says in words.
 */
function droppedLineOf(
  stage: Stage,
): { image: string; line: string } | undefined {
  if (
    stage.image.registry ||
    stage.image.digest ||
    stage.image.unresolved ||
    !stage.image.tag
  )
    return undefined;
  const image = imagePath(stage.image);
  const bare = bareAlpineTag(image, stage.image.tag);
  return bare?.kind === 'last-build' && bare.branch === stage.alpineRelease
    ? { image, line: bare.line }
    : undefined;
}

/** The branch to recommend at `now`: the newest one released and still supported. */
export function upgradeTarget(
  knowledge: Knowledge,
  now: Date,
): AlpineRelease | undefined {
  return knowledge.newestSupported(now);
}

/** A remediation naming the target branch, or undefined when the table has none. */
export function upgradeRemediation(
  knowledge: Knowledge,
  now: Date,
): string | undefined {
  const target = upgradeTarget(knowledge, now);
  if (!target) return undefined;
  return `Move to Alpine ${
    target.version
  }, the newest supported branch as of ${isoDay(now)} (supported until ${
    target.endOfLife
  }, knowledge ${knowledge.stamp.version}): \`alpine:${
    target.version
  }\`, or the same image with an \`-alpine${
    target.version
  }\` suffix where the image publishes one. Check the image's tag list: older language versions are not built on new branches.`;
}

/**
 * Rewrites the release in the FROM's tag to `target`, when the tag is
 * written literally (no ARG), carries no digest, and follows a known
 * convention; undefined otherwise.
 */
export function releaseBumpFix(
  context: RuleContext,
  from: FromInstruction,
  stage: Stage,
  target: AlpineRelease,
): RuleFix | undefined {
  const token = from.imageToken;
  if (!token || stage.image.digest || stage.image.unresolved) return undefined;
  const raw = context.text.slice(token.start, token.end);
  if (raw !== stage.image.text) return undefined;
  const colon = raw.lastIndexOf(':');
  if (colon <= raw.lastIndexOf('/')) return undefined;
  const tag = raw.slice(colon + 1);
  let replaced: string | undefined;
  if (isOfficialAlpine(stage) && /^\d+\.\d+(\.\d+)?$/.test(tag)) {
    replaced = target.version;
  } else if (
    !stage.image.registry &&
    officialAlpineVariants(imagePath(stage.image))
  ) {
    const match = /-alpine(\d+\.\d+)$/.exec(tag);
    if (match)
      replaced = `${tag.slice(0, match.index)}-alpine${target.version}`;
  }
  if (!replaced || replaced === tag) return undefined;
  return {
    description: `Move ${raw} to Alpine ${target.version}`,
    edits: [{ start: token.start + colon + 1, end: token.end, text: replaced }],
  };
}

export function isoDay(date: Date): string {
  return date.toISOString().slice(0, 10);
}

/** Dates of the release table, parsed once each (the release rules ask for every Alpine FROM). */
const dayTimes = new Map<string, number>();

function dayTime(isoDate: string): number {
  let time = dayTimes.get(isoDate);
  if (time === undefined) {
    time = Date.parse(`${isoDate}T00:00:00Z`);
    if (dayTimes.size < 1024) dayTimes.set(isoDate, time);
  }
  return time;
}

export function daysBetween(from: Date, isoDate: string): number {
  return Math.floor((dayTime(isoDate) - from.getTime()) / 86_400_000);
}

/** Whether a release row came out by `time` (ms). */
export function releasedBy(row: AlpineRelease, time: number): boolean {
  return Boolean(row.released) && dayTime(row.released) <= time;
}
