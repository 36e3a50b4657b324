export * from './reference';
export * from './customers';
export * from './catalog';
export * from './sales';
export * from './inventory';
export * from './staff';
export * from './taxes';
export * from './sync';
