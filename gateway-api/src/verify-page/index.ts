export { VerifyPageModule } from './verify-page.module';
