/*
 * Compile-time checks, in the style of tsd: `yarn tsc` compiles this file
 * and fails when a `@ts-expect-error` below is not an error any more. Like
 * `findingFields.typecheck.ts` for findings, it shows that a change to the
 * analyzer's `StageSummary` or `ScoreExplanation` (and the copies and
 * deductions inside them) which the API does not map stops the backend's
 * build, instead of becoming a 500 when the response fails validation
 * against openapi.yaml. Nothing here runs.
 */
import type {
  ScoreDeduction,
  ScoreExplanation,
  StageSummary,
} from '@alpine-advisor/analyzer';
import type {
  ScoreExplanation as ApiScoreExplanation,
  StageSummary as ApiStageSummary,
} from '@alpine-advisor/backstage-plugin-common';
import {
  FieldMapping,
  SCORE_DEDUCTION_FIELDS,
  SCORE_EXPLANATION_FIELDS,
  STAGE_COPY_FIELDS,
  STAGE_FIELDS,
} from './mappers';

type StageMapping<S> = FieldMapping<S, ApiStageSummary>;
type CopyMapping<C> = FieldMapping<C, ApiStageSummary['copiesFrom'][number]>;
type ExplanationMapping<E> = FieldMapping<E, ApiScoreExplanation>;
type DeductionMapping<D> = FieldMapping<
  D,
  ApiScoreExplanation['deductions'][number]
>;
type StageCopy = StageSummary['copiesFrom'][number];

/** Today's mappings cover today's types. */
export const coveredStage: StageMapping<StageSummary> = STAGE_FIELDS;
export const coveredCopy: CopyMapping<StageCopy> = STAGE_COPY_FIELDS;
export const coveredExplanation: ExplanationMapping<ScoreExplanation> =
  SCORE_EXPLANATION_FIELDS;
export const coveredDeduction: DeductionMapping<ScoreDeduction> =
  SCORE_DEDUCTION_FIELDS;

/** A field added to the analyzer's StageSummary without a mapping: */
type StageWithNewField = StageSummary & { platform: string };
// @ts-expect-error -- `platform` has no line in STAGE_FIELDS
export const unmappedStage: StageMapping<StageWithNewField> = STAGE_FIELDS;

/** A mapping of a stage field the API does not have: */
export const stageNotInApi: StageMapping<StageWithNewField> = {
  ...STAGE_FIELDS,
  // @ts-expect-error -- the API's stage has no `platform`, so nothing can be sent for it
  platform: stage => stage.platform,
};

/** A stage field whose type changed to one the API does not accept: */
type StageWithNumericImage = Omit<StageSummary, 'image'> & { image: number };
export const retypedStage: StageMapping<StageWithNumericImage>['image'] =
  // @ts-expect-error -- the API's image is a string
  stage => stage.image;

/** A field added to a stage's `COPY --from` edges: */
type CopyWithNewField = StageCopy & { chown: string };
// @ts-expect-error -- `chown` has no line in STAGE_COPY_FIELDS
export const unmappedCopy: CopyMapping<CopyWithNewField> = STAGE_COPY_FIELDS;

/** A field added to the analyzer's ScoreExplanation without a mapping: */
type ExplanationWithNewField = ScoreExplanation & { floor: number };
// @ts-expect-error -- `floor` has no line in SCORE_EXPLANATION_FIELDS
export const unmappedExplanation: ExplanationMapping<ExplanationWithNewField> =
  SCORE_EXPLANATION_FIELDS;

/** An explanation field the API does not have: */
export const explanationNotInApi: ExplanationMapping<ExplanationWithNewField> =
  {
    ...SCORE_EXPLANATION_FIELDS,
    // @ts-expect-error -- the API's explanation has no `floor`
    floor: explanation => explanation.floor,
  };

/** A field added to a deduction: */
type DeductionWithNewField = ScoreDeduction & { weight: number };
// @ts-expect-error -- `weight` has no line in SCORE_DEDUCTION_FIELDS
export const unmappedDeduction: DeductionMapping<DeductionWithNewField> =
  SCORE_DEDUCTION_FIELDS;
