export * from './databases.ts';
export * from './api.ts';
// The CSV import, for harnesses that load demonstration data the way the ministry's file would.
export { importOrganizations } from '../organizations/import.ts';
