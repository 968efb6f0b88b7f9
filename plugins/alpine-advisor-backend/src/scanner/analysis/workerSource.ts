/**
 * The analysis worker, as source evaluated by `new Worker(…, { eval: true })`:
 * a separate script file would not survive the plugin's bundled build. It
 * loads the analyzer from the path the pool resolved and answers one message
 * per entity.
 */
export const WORKER_SOURCE = `
const { parentPort, workerData } = require('node:worker_threads');
const { analyzeDockerfile } = require(workerData.analyzerPath);
parentPort.on('message', ({ id, files, now }) => {
  try {
    const date = new Date(now);
    const reports = files.map(file =>
      analyzeDockerfile({ path: file.path, content: file.content }, { config: file.config, now: date }),
    );
    parentPort.postMessage({ id, reports });
  } catch (error) {
    parentPort.postMessage({ id, error: String((error && error.message) || error) });
  }
});
parentPort.postMessage({ ready: true });
`;
