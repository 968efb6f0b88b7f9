/** Version of the JSON report contract produced by the analyzer. @public */
export const REPORT_VERSION = 1;
