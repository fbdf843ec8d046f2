import { Module } from '@nestjs/common';
import { InspectionsModule } from '@app/inspections';

/** HTTP of inspections: its controllers only; the rules live in @app/inspections. */
@Module({
  imports: [InspectionsModule],
  controllers: [],
})
export class InspectionsHttpModule {}
