import { Module } from '@nestjs/common';
import { InspectionsModule } from '@app/inspections';
import { InspectionPlansController } from './inspection-plans.controller';
import { InspectionRegistersController } from './inspection-registers.controller';
import { PublicInspectionsController } from './public-inspections.controller';
import { InspectionPagesController } from './pages/inspection-pages.controller';

/** HTTP of inspections: its controllers only; the rules live in @app/inspections. */
@Module({
  imports: [InspectionsModule],
  controllers: [InspectionRegistersController, InspectionPlansController, PublicInspectionsController, InspectionPagesController],
})
export class InspectionsHttpModule {}
