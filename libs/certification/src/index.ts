export * from './certification.module';
export * from './applications/application-status.machine';
export * from './applications/application.dto';
export * from './applications/application.view';
export * from './applications/applications.service';
