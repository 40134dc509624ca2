export * from './api-error';
export * from './api-exception.filter';
export * from './error-response.dto';
export * from './to-api-error';
export * from './outcome-unknown.error';
