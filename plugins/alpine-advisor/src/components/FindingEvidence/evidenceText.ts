import type { FindingEvidence } from '../../api/types';

/** The source as a reader names it: the built image, or a file of the build context. */
function sourceName(evidence: FindingEvidence): string {
  return evidence.source === 'image' ? 'the built image' : evidence.source;
}

/**
 * One fact as a sentence: "Confirmed by package-lock.json: locks … but not
 * …", "Confirmed in the built image: /usr/lib/… (sha256:…)", "Not seen in
 * the built image: …".
 */
export function evidenceText(evidence: FindingEvidence): string {
  const source = sourceName(evidence);
  const preposition = evidence.source === 'image' ? 'in' : 'by';
  const lead = {
    confirmed: `Confirmed ${preposition} ${source}`,
    refuted: `Refuted ${preposition} ${source}`,
    'not-seen': `Not seen in ${source}`,
  }[evidence.verdict];
  return evidence.detail ? `${lead}: ${evidence.detail}` : lead;
}
