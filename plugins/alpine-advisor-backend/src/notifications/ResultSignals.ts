import {
  AlpineAdvisorEntitySignal,
  alpineAdvisorEntitySignalChannel,
} from '@alpine-advisor/backstage-plugin-common';
import type { SignalsService } from '@backstage/plugin-signals-node';
import type {
  StoredResults,
  StoredResultsListener,
} from '../scanner/storedResults';

/**
 * Announces on each entity's signals channel that its stored result
 * changed, so open pages (the tab and card) fetch it again. The message
 * names the entity only; results are read through the permission-checked
 * API.
 */
export class ResultSignals implements StoredResultsListener {
  constructor(private readonly signals: SignalsService) {}

  async resultsStored(results: StoredResults): Promise<void> {
    for (const entityRef of new Set(results.entityRefs)) {
      await this.signals.publish<AlpineAdvisorEntitySignal>({
        recipients: { type: 'broadcast' },
        channel: alpineAdvisorEntitySignalChannel(entityRef),
        message: { type: 'results-stored', entityRef },
      });
    }
  }
}
