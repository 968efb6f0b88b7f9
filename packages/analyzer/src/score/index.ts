export { gradeFor } from './grade';
export { scoreFile } from './scoreFile';
export type { ScoreContext, ScoreResult } from './scoreFile';
export { scoreService } from './scoreService';
export {
  BREAKING_CAP,
  FIRST_FINDING_POINTS,
  INFO_BUDGET,
  REPEAT_FACTOR,
  SERVICE_WORST_FILE_WEIGHT,
  UNANALYSABLE_CAP,
  UNANALYSABLE_RULE_IDS,
} from './weights';
