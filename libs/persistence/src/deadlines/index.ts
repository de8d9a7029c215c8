export * from './days-off.repository';
export * from './deadline-policies.repository';
export * from './deadlines.repository';
export * from './holidays.repository';
export * from './national-days-off.seed';
export * from './national-days-off';
