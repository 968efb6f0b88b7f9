/**
 * Command-line entry of Alpine Advisor.
 *
 * @packageDocumentation
 */
export {};
