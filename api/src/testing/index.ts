export * from './databases.ts';
export * from './api.ts';
