export { joinImageFindings, imageChecksFor } from './imageEvidence';
export type { ImageFacts, ImageFactFinding, ImageJoin } from './imageEvidence';
export type { DockerfileInstruction } from './historyToInstruction';
