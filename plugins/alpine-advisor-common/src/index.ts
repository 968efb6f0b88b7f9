/**
 * Types, permissions and the typed HTTP client shared by the Alpine Advisor
 * frontend, backend and other backends. Isomorphic: no Backstage frontend or
 * backend dependency.
 *
 * @packageDocumentation
 */

export * from './constants';
export * from './permissions';
export * from './api/types';
export * from './client/AlpineAdvisorApi';
export * from './client/AlpineAdvisorClient';
