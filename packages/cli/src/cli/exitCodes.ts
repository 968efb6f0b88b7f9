/** The CLI's exit codes, documented in the README. */
export const EXIT_OK = 0;
/** A finding at or above the `--fail-on` threshold exists. */
export const EXIT_FINDINGS = 1;
/** Usage, configuration or I/O error: something could not be analysed. */
export const EXIT_ERROR = 2;
