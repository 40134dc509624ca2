export { PublicRateLimitModule } from './public-rate-limit.module';
export { CitizensRateLimit, OperationsRateLimit } from './public-throttlers';
