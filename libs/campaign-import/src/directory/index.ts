export * from './directory-sheet';
export * from './directory-snapshot';
export * from './region-sheet';
export * from './school-sheet';
export * from './staff-roles';
export * from './staff-sheet';
