export { BusinessModule } from './business.module';
export { BusinessCalendarModule, BusinessWorkingCalendar } from './working-calendar';
export { BUSINESS_PROJECTORS } from './projection/business.projectors';
export { BUSINESS_ENTITIES } from './entities';
export { CreateBusinessIndex1795478402000 } from './entities/1795478402000-create-business-index';
