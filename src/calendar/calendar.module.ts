import { Global, Module } from '@nestjs/common';
import { join } from 'node:path';
import { APP_CONFIG, type AppConfig } from '../config/app-config';
import { BusinessCalendar } from './business-calendar';
import { CalendarController } from './calendar.controller';
import { CalendarService } from './calendar.service';

/**
 * The official working-day calendar (chinese-days plus `config/calendar/<year>.json`), loaded once
 * at start: a malformed config file stops the start with the file and the reason named. The year
 * after the last official one runs on a provisional schedule until its notice is added.
 */
@Global()
@Module({
  controllers: [CalendarController],
  providers: [
    CalendarService,
    {
      provide: BusinessCalendar,
      useFactory: (config: AppConfig) => BusinessCalendar.load({ configDir: join(config.configDir, 'calendar'), provisional: true }),
      inject: [APP_CONFIG],
    },
  ],
  exports: [BusinessCalendar],
})
export class CalendarModule {}
