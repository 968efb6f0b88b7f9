/*
 * Compile-time checks, in the style of tsd: `yarn tsc` compiles this file
 * and fails when a `@ts-expect-error` below is not an error any more. It
 * shows that a change to the analyzer's `Finding` which the API does not
 * map stops the backend's build, instead of becoming a 500 when the
 * response fails validation against openapi.yaml. Nothing here runs.
 */
import type { Finding, TextEdit } from '@alpine-advisor/analyzer';
import type { ReportedFinding } from '@alpine-advisor/backstage-plugin-common';
import {
  FieldMapping,
  FINDING_FIELDS,
  FindingFieldMapping,
  TEXT_EDIT_FIELDS,
} from './mappers';

/** Today's mapping covers today's Finding. */
export const covered: FindingFieldMapping<Finding> = FINDING_FIELDS;

/** A field added to the analyzer's Finding without a mapping: */
type FindingWithNewField = Finding & { confidence: number };
// @ts-expect-error -- `confidence` has no line in FINDING_FIELDS
export const unmapped: FindingFieldMapping<FindingWithNewField> =
  FINDING_FIELDS;

/** A mapping of a field the API's finding does not have: */
export const notInApi: FindingFieldMapping<FindingWithNewField> = {
  ...FINDING_FIELDS,
  // @ts-expect-error -- the API has no `confidence`, so nothing can be sent for it
  confidence: finding => finding.confidence,
};

/** A field whose type changed to one the API does not accept: */
type FindingWithNumericRule = Omit<Finding, 'ruleId'> & { ruleId: number };
export const retyped: FindingFieldMapping<FindingWithNumericRule>['ruleId'] =
  // @ts-expect-error -- the API's ruleId is a string
  finding => finding.ruleId;

/** The API's finding is what the mapping produces, fix diff included. */
export const apiFields: Array<keyof ReportedFinding> = [
  ...(Object.keys(FINDING_FIELDS) as Array<keyof typeof FINDING_FIELDS>),
  'fixDiff',
];

/** The same holds for the fix's edits: a field added to the analyzer's TextEdit. */
type ApiTextEdit = NonNullable<ReportedFinding['fix']>['edits'][number];
type EditMapping = FieldMapping<TextEdit & { confidence: number }, ApiTextEdit>;
// @ts-expect-error -- `confidence` has no line in TEXT_EDIT_FIELDS
export const unmappedEdit: EditMapping = TEXT_EDIT_FIELDS;
