/*
 * The analysis worker thread of the backend's pool (src/scanner/analysis/
 * WorkerFileAnalysis.ts). A plain CommonJS file next to the package's
 * migrations, shipped with them (package.json "files") and found the same way
 * (resolvePackagePath): the plugin's bundled build has no file per module to
 * point a Worker at. It loads the analyzer from the path the pool resolved
 * and answers one message per entity.
 */
'use strict';

const { parentPort, workerData } = require('node:worker_threads');

// The pool's path: the built analyzer, or its sources under the CLI's transform.
// eslint-disable-next-line import/no-dynamic-require
const { analyzeDockerfile } = require(workerData.analyzerPath);

parentPort.on(
  'message',
  ({ id, files, now, enforcedRules, suppressionBaseline }) => {
    try {
      const date = new Date(now);
      const reports = files.map(file =>
        analyzeDockerfile(
          { path: file.path, content: file.content, context: file.context },
          {
            config: file.config,
            knowledge: file.knowledge,
            now: date,
            enforcedRules,
            waivers: file.waivers,
            fingerprints: true,
            suppressionBaseline,
          },
        ),
      );
      parentPort.postMessage({ id, reports });
    } catch (error) {
      parentPort.postMessage({
        id,
        error: String((error && error.message) || error),
      });
    }
  },
);

parentPort.postMessage({ ready: true });
