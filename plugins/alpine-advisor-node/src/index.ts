/**
 * Extension points and interfaces for backend modules that extend the
 * Alpine Advisor backend plugin with their own rules and source readers.
 *
 * @packageDocumentation
 */

export * from './extensionPoints';
export * from './sourceReader';
export * from './errors';
