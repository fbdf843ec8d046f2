export * from './inspections.module';
export * from './draw/inspection-draw';
export * from './inspection-plan.machine';
export * from './inspection.dto';
export * from './inspection.view';
export * from './inspection-register.service';
export * from './inspection-plans.service';
